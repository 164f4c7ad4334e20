package dev.placemat.workflows.app.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Signals between the nodes on PostgreSQL's LISTEN/NOTIFY (docs/adr/0030-cluster-deploy-propagation.md). A
 * {@link #publish} is a {@code pg_notify} on the caller's connection, so it is sent when the caller's transaction
 * commits and never when it rolls back. Each node listens on a connection of its own, outside the pool, read by one
 * thread; signals reach the subscribers in the order they were committed, on a single thread of their own. When the
 * connection is lost, the listener reconnects with backoff and then runs the {@link #onReconnect} callbacks: signals
 * sent meanwhile are lost, and a subscriber catches up from the stored state.
 */
@Component
public class ClusterSignals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int POLL_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 5000;
    private static final long FIRST_CONNECT_SECONDS = 10;
    private static final long PING_SECONDS = 5;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final List<Runnable> reconnects = new CopyOnWriteArrayList<>();
    private final ThreadPoolTaskExecutor delivery = new ThreadPoolTaskExecutorBuilder().corePoolSize(1).maxPoolSize(1)
            .threadNamePrefix("cluster-signals-").awaitTermination(true).build();
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean connected;
    /** While start() waits for the first connection: the startup catch-up that follows covers it. */
    private volatile boolean starting = true;
    private Thread listener;

    public ClusterSignals(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        delivery.setDaemon(true);
        delivery.initialize();
    }

    /** Calls {@code consumer} with the payload of every signal on {@code channel}, from any node (this one too). */
    public void subscribe(String channel, Consumer<String> consumer) {
        subscribers.computeIfAbsent(checked(channel), c -> new CopyOnWriteArrayList<>()).add(consumer);
    }

    /** Runs {@code callback} after the listener reconnected (signals may have been missed meanwhile). */
    public void onReconnect(Runnable callback) {
        reconnects.add(callback);
    }

    /** Sends a signal to every node when the caller's transaction commits (at once outside a transaction). */
    public void publish(String channel, String payload) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", checked(channel)).param("payload", payload)
                .query().singleRow();
    }

    /** Whether the listener is connected now. */
    public boolean connected() {
        return connected;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "cluster-signals-listener");
        listener.setDaemon(true);
        listener.start();
        try {
            if (!firstConnect.await(FIRST_CONNECT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("cluster signals are not connected yet; the node catches up once they are");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        starting = false;
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        delivery.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: before the web server takes requests and before the startup catch-up reads the stored state. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void listen() {
        long backoff = 250;
        boolean lost = false;
        while (running) {
            try (Connection connection = open()) {
                listening.clear();
                listenToNew(connection);
                connected = true;
                backoff = 250;
                if (lost || !starting) {
                    log.info("cluster signals connected again; catching up with what may have been missed");
                    reconnects.forEach(delivery::execute);
                }
                firstConnect.countDown();
                receive(connection);
            } catch (SQLException e) {
                if (running) {
                    log.warn("cluster signals: the listening connection failed ({}); reconnecting in {} ms",
                            e.getMessage(), backoff);
                }
            }
            connected = false;
            lost = true;
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    /** Hands every notification to its subscribers; a query now and then finds a connection that died silently. */
    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long lastPing = System.nanoTime();
        while (running) {
            listenToNew(connection);
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    deliver(n.getName(), n.getParameter());
                }
            }
            if (System.nanoTime() - lastPing > TimeUnit.SECONDS.toNanos(PING_SECONDS)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                lastPing = System.nanoTime();
            }
        }
    }

    /** A connection of its own, with the pool's URL and credentials, that no pool can take away or reset. */
    private Connection open() throws SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", "placemat-cluster-signals");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    /** LISTENs on the channels subscribed since the last look (channel names are checked: no quoting needed). */
    private void listenToNew(Connection connection) throws SQLException {
        for (String channel : subscribers.keySet()) {
            if (listening.add(channel)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                } catch (SQLException e) {
                    listening.remove(channel);
                    throw e;
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        List<Consumer<String>> consumers = subscribers.getOrDefault(channel, List.of());
        delivery.execute(() -> consumers.forEach(consumer -> {
            try {
                consumer.accept(payload);
            } catch (RuntimeException e) {
                log.error("handling the cluster signal {} {} failed", channel, payload, e);
            }
        }));
    }

    private static String checked(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        return channel;
    }
}
