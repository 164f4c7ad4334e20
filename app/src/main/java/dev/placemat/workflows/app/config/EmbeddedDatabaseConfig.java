package dev.placemat.workflows.app.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.placemat.workflows.app.embeddeddb.EmbeddedDatabase;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} (or {@code DATABASE_URL}), the platform runs on an embedded PostgreSQL
 * whose data lives in {@code <data dir>/postgres} and survives restarts ({@link EmbeddedDatabase}: passwords, a
 * role that is no superuser, loopback only). The embedded library turns durability off by default; here fsync,
 * synchronous commit and full page writes are on, so that an acknowledged execution is on disk.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public class EmbeddedDatabaseConfig {

    // stopped by Spring after the beans that write to it (the execution writer drains first)
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(WorkflowsProperties properties)
            throws IOException, InterruptedException, SQLException {
        String durability = properties.database().embedded().durable() ? "on" : "off";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", durability);
        settings.put("synchronous_commit", durability);
        settings.put("full_page_writes", durability);
        settings.put("max_connections", "100");
        // sized for a write-heavy engine: room for the hot pages, and checkpoints far enough apart that full-page
        // writes after each one do not dominate the WAL
        settings.put("shared_buffers", "256MB");
        settings.put("wal_buffers", "16MB");
        settings.put("max_wal_size", "4GB");
        settings.put("checkpoint_timeout", "15min");
        // a new 16 MB WAL segment is created, not zero-filled first: filling it stalled the commit that crossed
        // into it for 100-500 ms on these disks (durability is the same; a full disk fails the write instead of
        // the segment's creation)
        settings.put("wal_init_zero", "off");
        return EmbeddedDatabase.start(properties.dataDir(), settings);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database, DataSourceProperties properties) {
        properties.setUrl(database.jdbcUrl());
        properties.setUsername(database.username());
        properties.setPassword(database.password());
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
