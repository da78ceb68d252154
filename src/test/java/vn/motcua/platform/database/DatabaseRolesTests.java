package vn.motcua.platform.database;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.IntegrationTest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The role the application runs as (motcua.database.app-role) reads and writes the modules' tables and can do
 * nothing else: no DDL, no disabling the audit trigger, no COPY … TO PROGRAM. Checked on whichever PostgreSQL the
 * suite runs on, by creating such a role with the migrations' grants.
 */
class DatabaseRolesTests extends IntegrationTest {

    static final String ROLE = "motcua_app_test";
    static final String PASSWORD = "motcua-app-test-password";

    @Autowired
    JdbcTemplate owner;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void theApplicationRoleReadsAndWritesButCannotChangeTheSchema() throws SQLException {
        owner.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + ROLE + "') then "
                + "create role " + ROLE + " login password '" + PASSWORD + "'; end if; end $$");
        ModuleMigrations.grantReadWrite(owner, ROLE);
        String auditTable = owner.queryForObject("select table_name from information_schema.tables where table_schema = 'audit' "
                + "and table_type = 'BASE TABLE' order by table_name limit 1", String.class);
        try (Connection app = DriverManager.getConnection(url, ROLE, PASSWORD); var sql = app.createStatement()) {
            assertThat(sql.executeQuery("select count(*) from organization.staff").next()).isTrue();
            assertThat(sql.executeQuery("select count(*) from public.event_publication").next()).isTrue();
            assertThatThrownBy(() -> sql.execute("create table organization.intruder (id int)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("alter table audit." + auditTable + " disable trigger all")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("drop table organization.staff")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("copy (select 1) to program 'id'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("set session_replication_role = replica")).isInstanceOf(SQLException.class);
            // the rebuild empties oversight's projections: not by TRUNCATE of its own, through the owner's function
            // (in a transaction rolled back here: the suite's figures stay)
            app.setAutoCommit(false);
            assertThatThrownBy(() -> sql.execute("truncate oversight.dossier_fact")).isInstanceOf(SQLException.class);
            app.rollback();
            assertThat(sql.executeQuery("select oversight.empty_projections()").next()).isTrue();
            var left = sql.executeQuery("select count(*) from oversight.dossier_fact");
            left.next();
            assertThat(left.getLong(1)).isZero();
            app.rollback();
            app.setAutoCommit(true);
        }
        // a role without the application's grants may not call it
        owner.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'motcua_reader_test') then "
                + "create role motcua_reader_test login password '" + PASSWORD + "'; end if; end $$");
        owner.execute("grant usage on schema oversight to motcua_reader_test");
        try (Connection reader = DriverManager.getConnection(url, "motcua_reader_test", PASSWORD); var sql = reader.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("select oversight.empty_projections()")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }
}
