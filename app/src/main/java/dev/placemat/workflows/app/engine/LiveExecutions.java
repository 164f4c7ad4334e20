package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.cluster.ClusterSignals;
import dev.placemat.workflows.app.cluster.NodeFenced;
import dev.placemat.workflows.app.recording.ExecutionWriter;
import dev.placemat.workflows.app.recording.RowWrite.UpdateExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The executions that run on this node now, and how to stop each: cancelled by a person (here, or on another node
 * through the row's {@code cancel_requested} and a signal on {@link #CANCEL_CHANNEL}, with a poll every second as
 * the fallback), timed out, or abandoned when this node lost its lease or was declared dead.
 */
@Component
public class LiveExecutions {

    /** How long an execution runs before its row says {@code running}; most end sooner and never need the write. */
    static final Duration SHOWN_RUNNING_AFTER = Duration.ofMillis(100);
    /** The status a stop ends an execution with when it is not to be written: another node owns it now. */
    static final String ABANDONED = "abandoned";
    /** Where a node that asked an execution's owner to cancel it says so (the payload is the execution id). */
    public static final String CANCEL_CHANNEL = "placemat_cancel";

    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private final ExecutionWriter writer;
    private final ClusterNode node;
    private final JdbcClient jdbc;

    public LiveExecutions(ExecutionWriter writer, ClusterNode node, JdbcClient jdbc, ClusterSignals signals) {
        this.writer = writer;
        this.node = node;
        this.jdbc = jdbc;
        signals.subscribe(CANCEL_CHANNEL, this::cancelRequested);
    }

    /** An execution running here: how to stop it ({@code reason, status}), and since when it runs. */
    static final class Live {

        final BiConsumer<String, String> stop;
        volatile Instant runningSince;
        boolean shownRunning;

        Live(BiConsumer<String, String> stop) {
            this.stop = stop;
        }
    }

    void add(UUID id, Live execution) {
        live.put(id, execution);
    }

    void remove(UUID id) {
        live.remove(id);
    }

    /** Whether an execution runs on this node now. */
    public boolean isLive(UUID id) {
        return live.containsKey(id);
    }

    public int count() {
        return live.size();
    }

    /**
     * Cancels an execution running here: it ends now as {@code cancelled}, the step running is given up and no
     * further step starts. False when it does not run here.
     */
    public boolean cancel(UUID id, String reason) {
        Live execution = live.get(id);
        if (execution == null) {
            return false;
        }
        execution.stop.accept(reason, "cancelled");
        return true;
    }

    /** Stops every execution here without writing anything of them: this node no longer owns them. */
    public void abandonAll(String reason) {
        live.values().forEach(execution -> execution.stop.accept(reason, ABANDONED));
    }

    /** Other nodes may have taken what this node ran before it was declared dead: all of it is given up. */
    @EventListener
    public void fenced(NodeFenced fenced) {
        abandonAll("node " + fenced.name() + " was declared dead by the cluster; another node takes the execution");
    }

    /**
     * Marks the executions that have run longer than {@link #SHOWN_RUNNING_AFTER} as {@code running}. Writing it
     * for every execution as it starts would cost a row update per execution, mostly for ones that end within
     * milliseconds; the writer never lets a late {@code running} replace a final status.
     */
    @Scheduled(fixedDelay = 100)
    void showRunning() {
        Instant before = Instant.now().minus(SHOWN_RUNNING_AFTER);
        live.forEach((id, execution) -> {
            Instant since = execution.runningSince;
            if (since != null && since.isBefore(before) && !execution.shownRunning) {
                // only a mark for the monitor: with the writer's queue full it waits for a later tick, not on the
                // scheduler's thread
                execution.shownRunning = writer.offer(UpdateExecution.running(id, node.id()));
            }
        });
    }

    /** A node asked for a cancel: if the execution runs here, it stops now, with the reason stored on its row. */
    private void cancelRequested(String payload) {
        UUID id;
        try {
            id = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (isLive(id)) {
            jdbc.sql("SELECT cancel_requested FROM workflow_executions WHERE id = :id AND cancel_requested IS NOT NULL")
                    .param("id", id).query(String.class).optional().ifPresent(reason -> cancel(id, reason));
        }
    }

    /** Cancels the executions running here that someone asked, on any node, to cancel (signals may be missed). */
    @Scheduled(fixedDelay = 1000)
    void applyCancelRequests() {
        if (live.isEmpty()) {
            return;
        }
        record Request(UUID id, String reason) {}
        List<Request> requests = jdbc.sql("SELECT id, cancel_requested FROM workflow_executions "
                        + "WHERE owner_node = :node AND cancel_requested IS NOT NULL AND status IN ('pending', 'running')")
                .param("node", node.id())
                .query((rs, n) -> new Request(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        requests.forEach(r -> cancel(r.id(), r.reason()));
    }
}
