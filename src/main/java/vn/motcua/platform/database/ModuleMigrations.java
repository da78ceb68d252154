package vn.motcua.platform.database;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One Flyway folder, one schema and one history table per module: {@code db/migration/<module>/V1__….sql}
 * migrates schema {@code <module>}. Modules own their tables and never join each other's, so the order
 * in which modules migrate does not matter; we take them by name.
 *
 * <p>Migrations run as the schema owner ({@code spring.flyway.user}, else the data source's user), which also
 * creates Spring Modulith's event-publication table, so the application itself never needs DDL. When
 * {@code motcua.database.app-role} names the role the application runs as, that role is granted reading and writing
 * the modules' tables, nothing more: no DDL, no trigger changes.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

    static final String ROOT = "db/migration/";
    static final String EVENT_PUBLICATION = "org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql";
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Bean
    FlywayMigrationStrategy migrateEveryModule(@Value("${motcua.database.app-role:}") String appRole) {
        return flyway -> {
            for (String module : modules()) {
                Flyway.configure()
                        .configuration(flyway.getConfiguration())
                        .schemas(module)
                        .defaultSchema(module)
                        .createSchemas(true)
                        .table("flyway_schema_history")
                        .locations("classpath:" + ROOT + module)
                        .load()
                        .migrate();
            }
            DataSource owner = flyway.getConfiguration().getDataSource();
            createEventPublicationTable(owner);
            if (!appRole.isBlank()) {
                grantReadWrite(new JdbcTemplate(owner), appRole);
            }
        };
    }

    /** Spring Modulith's own script (idempotent), run by the owner instead of the application. */
    static void createEventPublicationTable(DataSource owner) {
        try {
            String script = new ClassPathResource(EVENT_PUBLICATION).getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                    .replace("TABLE IF NOT EXISTS event_publication", "TABLE IF NOT EXISTS public.event_publication")
                    .replace("ON event_publication", "ON public.event_publication");
            for (String statement : script.split(";")) {
                if (!statement.isBlank()) {
                    new JdbcTemplate(owner).execute(statement);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the application's role may do: read and write every module's tables and the event publications, and call
     * the modules' functions (some of which a migration keeps from PUBLIC).
     */
    static void grantReadWrite(JdbcTemplate owner, String role) {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("motcua.database.app-role must be a plain PostgreSQL role name, not " + role);
        }
        for (String schema : modules()) {
            owner.execute("grant usage on schema " + schema + " to " + role);
            owner.execute("grant select, insert, update, delete on all tables in schema " + schema + " to " + role);
            owner.execute("grant usage, select on all sequences in schema " + schema + " to " + role);
            // the functions a module's migrations keep from PUBLIC (oversight.empty_projections: a TRUNCATE for the rebuild)
            owner.execute("grant execute on all routines in schema " + schema + " to " + role);
        }
        owner.execute("grant select, insert, update, delete on table public.event_publication to " + role);
    }

    static TreeSet<String> modules() {
        try {
            Resource[] folders = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "*/*.sql");
            var names = new TreeSet<String>();
            Arrays.stream(folders)
                    .map(r -> {
                        try {
                            return r.getURL().toString();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(url -> url.substring(url.indexOf(ROOT) + ROOT.length()))
                    .map(path -> path.substring(0, path.indexOf('/')))
                    .filter(Objects::nonNull)
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
