package dev.placemat.workflows.app.connections;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.placemat.workflows.connectors.common.PinnedSockets;
import dev.placemat.workflows.spi.DataSources;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepFailure;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Databases reached by {@code database.query} steps: a small pool per {@code database} connection, closed when the
 * connection changes. Connections are read-only unless the connection says {@code writable: true}; none leads to the
 * platform's own database unless an admin allowed it, and an editor's connection reaches only addresses the outbound
 * guard allows, resolved once when its pool opens (the driver never looks the name up itself).
 */
@Component
@RequiredArgsConstructor
public class ConnectionDataSources implements DataSources {

    private final ConnectionStore connections;
    private final DataSource platform;
    private final OutboundGuard guard;
    private final Map<String, Database> pools = new ConcurrentHashMap<>();
    private volatile DatabaseUrl platformUrl;

    @Override
    public Database get(String connectionName) throws StepFailure {
        Database pool = pools.get(connectionName);
        if (pool != null) {
            return pool;
        }
        Map<String, String> fields = connections.get(connectionName, ConnectionType.DATABASE.id());
        String url = fields.get("url");
        Optional<String> problem = DatabaseUrl.problem(url);
        if (problem.isPresent()) {
            throw StepFailure.permanent("the database connection '" + connectionName + "' cannot be used: "
                    + problem.get());
        }
        if (leadsToPlatform(url) && !Boolean.parseBoolean(fields.get(ConnectionType.ALLOW_PLATFORM_DATABASE))) {
            throw StepFailure.permanent("the database connection '" + connectionName + "' leads to the platform's own "
                    + "database, which steps may reach only when an admin sets allow_platform_database");
        }
        // an editor's connection reaches only what outbound steps may reach: its host resolved and checked once, the
        // pool's connections made to that address only
        String pinned = connections.guarded(connectionName)
                ? PinnedSockets.argument(guard.resolve(DatabaseUrl.of(url).host())) : null;
        return pools.computeIfAbsent(connectionName, name -> open(name, fields, pinned));
    }

    /** Whether a (valid) connection URL leads to the database the platform keeps its own tables in. */
    boolean leadsToPlatform(String url) {
        return DatabaseUrl.of(url).sameDatabaseAs(platformUrl());
    }

    private DatabaseUrl platformUrl() {
        DatabaseUrl known = platformUrl;
        if (known == null) {
            try (Connection connection = platform.getConnection()) {
                known = DatabaseUrl.of(connection.getMetaData().getURL());
            } catch (SQLException e) {
                throw new IllegalStateException("the platform's database cannot be reached", e);
            }
            platformUrl = known;
        }
        return known;
    }

    /** @param pinned the address the driver connects to, whatever the URL's host resolves to; null: the URL's */
    private static Database open(String name, Map<String, String> fields, String pinned) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("connection-" + name);
        config.setJdbcUrl(fields.get("url"));
        config.setUsername(fields.get("username"));
        config.setPassword(fields.get("password"));
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        boolean writable = Boolean.parseBoolean(fields.getOrDefault("writable", "false"));
        config.setReadOnly(!writable);
        if (pinned != null) {
            config.addDataSourceProperty("socketFactory", PinnedSockets.class.getName());
            config.addDataSourceProperty("socketFactoryArg", pinned);
        }
        return new Database(new HikariDataSource(config), writable);
    }

    @EventListener
    void onChange(ConnectionStore.Changed changed) {
        Database old = pools.remove(changed.name());
        if (old != null) {
            ((HikariDataSource) old.dataSource()).close();
        }
    }

    @PreDestroy
    void close() {
        pools.values().forEach(d -> ((HikariDataSource) d.dataSource()).close());
    }
}
