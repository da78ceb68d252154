package vn.motcua.platform.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL lets nobody in without its generated password (before: any local OS user connected as
 * superuser with no password, and ran programs through COPY … TO PROGRAM), and keeps that password owner-only.
 */
class EmbeddedServerAuthenticationTests {

    @Test
    void asksForThePasswordKeptOwnerOnlyInTheDataDirectory() throws Exception {
        // under root the server runs as 'nobody', who must be able to enter the parent
        Path parent = Files.createTempDirectory("motcua-auth-test", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        var server = EmbeddedPostgresServer.start(parent.resolve("postgres"), true, 0);
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "motcua@2026").close())
                    .isInstanceOf(SQLException.class);
            try (var ok = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
                assertThat(ok.isValid(5)).isTrue();
            }
            Path secret = server.dataDirectory().resolve("motcua-superuser.secret");
            assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(server.dataDirectory().resolve("pg_hba.conf"))).doesNotContain("trust").contains("127.0.0.1/32");

            String appPassword = server.ensureApplicationRole("motcua_app");
            assertThat(server.ensureApplicationRole("motcua_app")).as("kept").isEqualTo(appPassword);
            try (var app = DriverManager.getConnection(server.jdbcUrl(), "motcua_app", appPassword); var sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.execute("create table public.intruder (id int)")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> sql.execute("create schema intruder")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> sql.execute("copy (select 1) to program 'id'")).isInstanceOf(SQLException.class);
            }
        } finally {
            server.stop();
        }
    }
}
