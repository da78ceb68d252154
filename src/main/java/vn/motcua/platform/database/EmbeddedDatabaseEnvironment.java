package vn.motcua.platform.database;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} is configured and demo mode is asked for
 * ({@code MOTCUA_MODE=demo} or the {@code demo} profile; {@code ./mvnw spring-boot:run} sets it), and points the data
 * source at it; without either, the application refuses to start. One server per JVM: every Spring context of a test
 * run shares it.
 *
 * <p>Settings: {@code motcua.embedded-db.directory} (default {@code ./data}; the cluster lives in its
 * {@code postgres} folder), {@code motcua.embedded-db.port} (0 = any free port) and
 * {@code motcua.embedded-db.ephemeral} (tests: a fresh cluster deleted when the JVM ends).
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    private static EmbeddedPostgresServer server;

    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("motcua-database",
                    Map.of("motcua.embedded-db.active", "false")));
            return;
        }
        if (!demoMode(environment)) {
            throw new ProductionModeRequired();
        }
        EmbeddedPostgresServer running = start(environment);
        String appRole = environment.getProperty("motcua.embedded-db.app-role", "motcua_app").strip();
        var settings = new java.util.HashMap<String, Object>(Map.of(
                "spring.datasource.url", running.jdbcUrl(),
                "motcua.embedded-db.active", "true"));
        if (appRole.isEmpty()) {
            settings.putAll(Map.of("spring.datasource.username", "postgres", "spring.datasource.password", running.password()));
        } else {
            // migrations as the owner (superuser of this private cluster), the application as a role without DDL
            settings.putAll(Map.of(
                    "spring.datasource.username", appRole,
                    "spring.datasource.password", applicationRole(running, appRole),
                    "spring.flyway.user", "postgres",
                    "spring.flyway.password", running.password(),
                    "motcua.database.app-role", appRole));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("motcua-embedded-database", settings));
    }

    /** Demo mode is asked for explicitly: {@code motcua.mode=demo} ({@code MOTCUA_MODE=demo}) or the {@code demo} profile. */
    static boolean demoMode(ConfigurableEnvironment environment) {
        return "demo".equalsIgnoreCase(environment.getProperty("motcua.mode", "").strip())
                || java.util.Arrays.asList(environment.getActiveProfiles()).contains("demo");
    }

    private synchronized EmbeddedPostgresServer start(ConfigurableEnvironment environment) {
        if (server == null) {
            boolean ephemeral = environment.getProperty("motcua.embedded-db.ephemeral", Boolean.class, false);
            Path directory = Path.of(environment.getProperty("motcua.embedded-db.directory", "data"));
            Path cluster = ephemeral
                    ? directory.resolve("postgres-" + ProcessHandle.current().pid())
                    : directory.resolve("postgres");
            int port = environment.getProperty("motcua.embedded-db.port", Integer.class, 0);
            server = EmbeddedPostgresServer.start(cluster, ephemeral, port);
            log.warn("""

                    ************************************************************************************
                    *  EMBEDDED PostgreSQL (CSDL nhúng) at %s, data in %s
                    *  For trying and developing only, NOT FOR PRODUCTION (không dùng cho vận hành thật).
                    *  Production: set SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD.
                    ************************************************************************************"""
                    .formatted(server.jdbcUrl(), server.dataDirectory()));
        }
        return server;
    }

    private static String applicationRole(EmbeddedPostgresServer running, String role) {
        try {
            return running.ensureApplicationRole(role);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
