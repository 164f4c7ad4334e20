package dev.placemat.workflows.app.support;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The platform's migrations, configured as application.yml configures them, for a database a test migrates itself. */
public final class Migrations {

    private Migrations() {}

    /**
     * With a session-level lock, as the platform takes it: under Flyway's default lock, held in an open transaction,
     * the indexes that V93 builds CONCURRENTLY wait for that transaction forever.
     */
    public static FluentConfiguration of(DataSource database) {
        return Flyway.configure()
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .dataSource(database)
                .locations("classpath:db/migration");
    }
}
