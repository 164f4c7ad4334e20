package dev.placemat.workflows.app.cluster;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * This process as a node of the platform: an incarnation id (new at each start, and after being declared dead), a
 * name, and a lease kept by heartbeats in PostgreSQL. The database's clock decides who is dead: every node declares
 * dead, under a row lock, the nodes whose heartbeat is older than {@code dead-after-seconds}, and only then may their
 * executions be claimed; a heartbeat never revives a row declared dead. This node stops starting steps as soon as
 * its own last successful heartbeat was sent longer ago than the lease, which is shorter than the time after which
 * others may take its work. A heartbeat that finds the row declared dead publishes {@link NodeFenced} (what runs
 * here is given up) and registers a new incarnation.
 */
@Component
public class ClusterNode {

    /** SQL: whether the owner id in {@code column} is a live node (not declared dead, not stopped). */
    public static String aliveOwner(String column) {
        return "EXISTS (SELECT 1 FROM cluster_nodes n WHERE n.id = " + column + " AND n.status = 'alive')";
    }

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    /** Rows of nodes gone for longer than this are deleted (with what they had loaded). */
    private static final int FORGET_AFTER_HOURS = 24;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ClusterProperties settings;
    private final String name;
    private final String address;
    private final String version;
    private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskSchedulerBuilder().poolSize(1)
            .threadNamePrefix("cluster-heartbeat-").build();
    private volatile UUID id;
    private volatile boolean fenced;
    private volatile long leaseSentNanos;
    private volatile int liveNodes = 1;
    private volatile boolean draining;
    private long beats;

    public ClusterNode(JdbcClient jdbc, ApplicationEventPublisher events, ClusterProperties settings,
            @Value("${server.port:8080}") int port) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.name = settings.nodeName().isBlank() ? hostName() + ":" + port : settings.nodeName();
        this.address = hostAddress() + ":" + port;
        this.version = versionOf(ClusterNode.class);
        long sent = System.nanoTime();
        this.id = register();
        this.leaseSentNanos = sent;
        declareDeadNodes();
        heartbeats.setDaemon(true);
        heartbeats.initialize();
        Duration every = Duration.ofSeconds(settings.heartbeatSeconds());
        heartbeats.scheduleWithFixedDelay(this::beat, Instant.now().plus(every), every);
    }

    /** The current incarnation: the owner id of what this node runs now. */
    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Whether this node may still work on the executions it owns (not while it drains for a shutdown). */
    public boolean leaseValid() {
        return !draining && leaseCurrent();
    }

    /** Whether this node may start a step of what it took as incarnation {@code owner}. */
    public boolean holds(UUID owner) {
        return owner.equals(id) && leaseValid();
    }

    /** Whether this node may still record what it did for {@code owner} (also while it drains for a stop). */
    public boolean owns(UUID owner) {
        return owner.equals(id) && leaseCurrent();
    }

    private boolean leaseCurrent() {
        return !fenced && System.nanoTime() - leaseSentNanos < TimeUnit.SECONDS.toNanos(settings.leaseSeconds());
    }

    /** Live nodes as of the last heartbeat (this one included). */
    public int liveNodes() {
        return liveNodes;
    }

    /** The node is shutting down: it starts no further step; what it owns goes to whichever node takes it. */
    public void drain() {
        draining = true;
    }

    /** A new incarnation: earlier ones of the same name are dead at once (a restart needs no wait to recover). */
    private UUID register() {
        UUID incarnation = UUID.randomUUID();
        jdbc.sql("UPDATE cluster_nodes SET status = 'dead' WHERE name = :name AND status = 'alive'")
                .param("name", name).update();
        jdbc.sql("INSERT INTO cluster_nodes (id, name, address, version) VALUES (:id, :name, :address, :version)")
                .param("id", incarnation).param("name", name).param("address", address).param("version", version)
                .update();
        return incarnation;
    }

    private void beat() {
        long sent = System.nanoTime();
        try {
            if (fenced) {
                reregister(sent);
                return;
            }
            int rows = jdbc.sql("UPDATE cluster_nodes SET heartbeat_at = now() WHERE id = :id AND status = 'alive'")
                    .param("id", id).update();
            if (rows == 0) {
                fenced = true;
                log.error("node {} was declared dead by the cluster (no heartbeat for {} s): it gives up what it "
                        + "runs and joins again as a new node", name, settings.deadAfterSeconds());
                reregister(sent);
                return;
            }
            leaseSentNanos = sent;
            declareDeadNodes();
        } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.getMessage());
        }
    }

    /** Gives up the former incarnation's work and joins again; retried at the next beat if the database fails. */
    private void reregister(long sent) {
        UUID former = id;
        UUID incarnation = register();
        id = incarnation;
        leaseSentNanos = sent;
        events.publishEvent(new NodeFenced(former, incarnation, name));
        fenced = false;
    }

    /**
     * Declares dead the nodes whose heartbeat is too old (the row lock orders this against their own heartbeat: one
     * of the two wins), forgets what they had loaded, and counts the live ones. Rows of nodes gone for a day go.
     */
    private void declareDeadNodes() {
        jdbc.sql("WITH dead AS (UPDATE cluster_nodes SET status = 'dead' WHERE status = 'alive' "
                        + "AND heartbeat_at < now() - make_interval(secs => :deadAfter) RETURNING id, name), "
                        + "loaded AS (DELETE FROM node_deployments d USING dead WHERE d.node_id = dead.id) "
                        + "SELECT name FROM dead")
                .param("deadAfter", settings.deadAfterSeconds())
                .query(String.class).list()
                .forEach(dead -> log.warn("node {} stopped heartbeating and was declared dead; its executions are "
                        + "taken over", dead));
        liveNodes = jdbc.sql("SELECT count(*) FROM cluster_nodes WHERE status = 'alive'").query(Integer.class).single();
        if (++beats % 200 == 0) {
            jdbc.sql("DELETE FROM cluster_nodes WHERE status <> 'alive' "
                    + "AND heartbeat_at < now() - make_interval(hours => :hours)")
                    .param("hours", FORGET_AFTER_HOURS).update();
        }
    }

    private static String versionOf(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static String hostAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (java.io.IOException e) {
            return "127.0.0.1";
        }
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdown();
        try {
            jdbc.sql("WITH stopped AS (UPDATE cluster_nodes SET status = 'stopped' WHERE id = :id RETURNING id) "
                    + "DELETE FROM node_deployments d USING stopped WHERE d.node_id = stopped.id")
                    .param("id", id).update();
        } catch (RuntimeException e) {
            log.warn("could not mark node {} stopped: {}", name, e.getMessage());
        }
    }
}
