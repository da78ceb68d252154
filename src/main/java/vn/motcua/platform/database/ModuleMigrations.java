package vn.motcua.platform.database;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One Flyway folder, one schema and one history table per module: {@code db/migration/<module>/V1__….sql}
 * migrates schema {@code <module>}. Modules own their tables and never join each other's, so the order
 * in which modules migrate does not matter; we take them by name.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

    static final String ROOT = "db/migration/";

    @Bean
    FlywayMigrationStrategy migrateEveryModule() {
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
        };
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
