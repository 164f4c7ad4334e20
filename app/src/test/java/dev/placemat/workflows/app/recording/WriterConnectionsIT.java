package dev.placemat.workflows.app.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.placemat.workflows.app.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The execution writer's sessions use generic plans, and only they: the platform pool's driver properties, which
 * every connection made from its settings reads when it opens (the pool's own before its first use, the cluster
 * signals' listener at each reconnect), are left as they were.
 */
class WriterConnectionsIT extends IntegrationTest {

    private static final String WRITER = "placemat-execution-writer";

    @Test
    void onlyTheWritersSessionsPlanTheirStatementsOnce() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity "
                + "WHERE application_name = :name").param("name", WRITER).query(Long.class).single() >= 2);

        assertThat(dataSource.unwrap(HikariDataSource.class).getDataSourceProperties())
                .doesNotContainKeys("options", "ApplicationName");
        assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("auto");
    }

    @Test
    void aWriterSessionPlansOnceAndNamesItself() throws Exception {
        try (HikariDataSource writer = WriterConnections.of(dataSource, 1)) {
            JdbcClient session = JdbcClient.create(writer);
            assertThat(session.sql("SHOW plan_cache_mode").query(String.class).single())
                    .isEqualTo("force_generic_plan");
            assertThat(session.sql("SHOW application_name").query(String.class).single()).isEqualTo(WRITER);
        }
    }
}
