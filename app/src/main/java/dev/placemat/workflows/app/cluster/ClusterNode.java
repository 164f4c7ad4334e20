package dev.placemat.workflows.app.cluster;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This process as a node of the platform: an incarnation id (new at each start), a name, and a lease kept by
 * heartbeats in PostgreSQL. The database's clock decides who is dead; this node stops starting steps as soon as its
 * own last successful heartbeat was sent longer ago than the lease, which is shorter than the time after which
 * others may take its work.
 */
@Component
public class ClusterNode {

    public static final int HEARTBEAT_SECONDS = 3;
    public static final int LEASE_SECONDS = 10;
    public static final int DEAD_AFTER_SECONDS = 15;
    /** SQL: whether the owner id in {@code :column} is a live node (a heartbeat within the dead-after time). */
    public static String aliveOwner(String column) {
        return "EXISTS (SELECT 1 FROM cluster_nodes n WHERE n.id = " + column + " AND n.status = 'alive' "
                + "AND n.heartbeat_at > now() - make_interval(secs => " + DEAD_AFTER_SECONDS + "))";
    }

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final JdbcClient jdbc;
    private final UUID id = UUID.randomUUID();
    private final String name;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile long leaseSentNanos = System.nanoTime();
    private volatile boolean draining;

    public ClusterNode(JdbcClient jdbc, @Value("${server.port:8080}") int port) {
        this.jdbc = jdbc;
        this.name = hostName() + ":" + port;
        jdbc.sql("UPDATE cluster_nodes SET status = 'dead' WHERE name = :name AND status = 'alive'")
                .param("name", name).update();
        jdbc.sql("INSERT INTO cluster_nodes (id, name) VALUES (:id, :name)").param("id", id).param("name", name)
                .update();
        heartbeats.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Whether this node may still work on the executions it owns (not while it drains for a shutdown). */
    public boolean leaseValid() {
        return !draining && System.nanoTime() - leaseSentNanos < TimeUnit.SECONDS.toNanos(LEASE_SECONDS);
    }

    /** The node is shutting down: it starts no further step; what it owns goes to whichever node takes it. */
    public void drain() {
        draining = true;
    }

    private void beat() {
        long sent = System.nanoTime();
        try {
            int rows = jdbc.sql("UPDATE cluster_nodes SET heartbeat_at = now() WHERE id = :id AND status = 'alive'")
                    .param("id", id).update();
            if (rows == 1) {
                leaseSentNanos = sent;
            }
        } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
        try {
            jdbc.sql("UPDATE cluster_nodes SET status = 'stopped' WHERE id = :id").param("id", id).update();
        } catch (RuntimeException e) {
            log.warn("could not mark node {} stopped: {}", name, e.getMessage());
        }
    }
}
