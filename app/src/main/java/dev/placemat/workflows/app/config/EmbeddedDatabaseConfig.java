package dev.placemat.workflows.app.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} (or {@code DATABASE_URL}), the platform runs on an embedded PostgreSQL
 * whose data lives in {@code <data dir>/postgres} and survives restarts. The embedded library turns durability
 * off by default; here fsync, synchronous commit and full page writes are on, so that an acknowledged execution is
 * on disk.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(WorkflowsProperties properties) throws IOException {
        Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dir.getParent());
        String durability = properties.database().embedded().durable() ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // stopped by Spring after the beans that write to it (the execution writer drains first), never by
                // the library's own JVM hook, which would stop it while a graceful shutdown still writes
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability)
                .setServerConfig("max_connections", "100")
                // sized for a write-heavy engine: room for the hot pages, and checkpoints far enough apart that
                // full-page writes after each one do not dominate the WAL
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("wal_buffers", "16MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                // a new 16 MB WAL segment is created, not zero-filled first: filling it stalled the commit that
                // crossed into it for 100-500 ms on these disks (durability is the same; a full disk fails the
                // write instead of the segment's creation)
                .setServerConfig("wal_init_zero", "off")
                .start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, DataSourceProperties properties) {
        properties.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        properties.setUsername("postgres");
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
