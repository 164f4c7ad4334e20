package dev.placemat.workflows.app.execution;

import dev.placemat.workflows.app.engine.LaunchRefused;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live views of executions as server-sent events, fed from the database.
 *
 * <p>Why the database and not the engine's in-process events: in a cluster the execution may run on another node
 * (or move to one after a restart), and its status and step rows reach every node only through PostgreSQL. So one
 * thread reads, every {@code poll-interval}, the row versions ({@code xmin}, which changes with every update) of the
 * watched executions and of their step rows: two small queries for all open streams together. Only the rows whose
 * version moved are read in full, and each stream is sent what differs from what it sent before. A stream ends
 * after its execution's final status, after {@code max-age} (the browser reconnects), or when a write to it fails
 * (the client went away; heartbeats make that show within {@code heartbeat}). At most {@code max-open} streams are
 * open on a node.
 */
@Component
public class ExecutionStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExecutionStreams.class);
    /** Statuses after which nothing changes any more (an interrupted execution waits for a person: it stays open). */
    static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");

    private final ExecutionRepository executions;
    private final JdbcClient jdbc;
    private final ExecutionStreamsProperties properties;
    private final Set<ExecutionWatch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller;

    public ExecutionStreams(ExecutionRepository executions, JdbcClient jdbc, ExecutionStreamsProperties properties,
            CamelContext camel) {
        this.executions = executions;
        this.jdbc = jdbc;
        this.properties = properties;
        this.poller = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "placemat-execution-streams");
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    /** A new stream of an execution's changes; its first events are the whole current state. */
    public SseEmitter open(UUID executionId) {
        if (watches.size() >= properties.maxOpen()) {
            throw new LaunchRefused("Too many live views are open on this node (" + properties.maxOpen()
                    + "); close one or try again shortly.", 5);
        }
        SseEmitter emitter = new SseEmitter(properties.maxAge().toMillis());
        ExecutionWatch watch = new ExecutionWatch(executionId, emitter, System.nanoTime());
        emitter.onCompletion(() -> watches.remove(watch));
        emitter.onTimeout(() -> close(watch));
        emitter.onError(e -> watches.remove(watch));
        watches.add(watch);
        return emitter;
    }

    int openCount() {
        return watches.size();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // a database outage must not stop the poller: the next tick tries again
            log.warn("reading watched executions failed: {}", e.toString());
        }
    }

    void poll() {
        if (watches.isEmpty()) {
            return;
        }
        Map<UUID, List<ExecutionWatch>> byExecution = new HashMap<>();
        watches.forEach(w -> byExecution.computeIfAbsent(w.executionId(), k -> new ArrayList<>()).add(w));
        List<UUID> ids = List.copyOf(byExecution.keySet());
        Map<UUID, String> executionVersions = new HashMap<>();
        jdbc.sql("SELECT id, xmin::text AS v FROM workflow_executions WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    executionVersions.put(rs.getObject("id", UUID.class), rs.getString("v"));
                });
        Map<UUID, Map<UUID, String>> stepVersions = new HashMap<>();
        jdbc.sql("SELECT id, execution_id, xmin::text AS v FROM step_executions WHERE execution_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    stepVersions.computeIfAbsent(rs.getObject("execution_id", UUID.class), k -> new HashMap<>())
                            .put(rs.getObject("id", UUID.class), rs.getString("v"));
                });
        long now = System.nanoTime();
        byExecution.forEach((id, group) -> update(id, group, executionVersions.get(id),
                stepVersions.getOrDefault(id, Map.of()), now));
    }

    private void update(UUID id, List<ExecutionWatch> group, String version, Map<UUID, String> steps, long now) {
        if (version == null) {
            group.forEach(this::close); // deleted (retention, or its workflow was deleted)
            return;
        }
        ExecutionSummary execution = null;
        if (group.stream().anyMatch(w -> !version.equals(w.executionVersion()))) {
            execution = executions.summary(id).orElse(null);
        }
        Set<UUID> changed = new HashSet<>();
        group.forEach(w -> changed.addAll(w.changedSteps(steps)));
        List<StepAttempt> stepRows = executions.steps(id, changed);
        for (ExecutionWatch watch : group) {
            try {
                watch.send(version, execution, steps, stepRows, now, properties.heartbeat().toNanos());
                if (watch.ended()) {
                    close(watch);
                }
            } catch (java.io.IOException | IllegalStateException gone) {
                watches.remove(watch); // the client went away, or the stream timed out meanwhile
            }
        }
    }

    private void close(ExecutionWatch watch) {
        watches.remove(watch);
        try {
            // says the stream is over on purpose, so that the browser's EventSource does not reconnect
            watch.emitter().send(SseEmitter.event().name("end").data("{}", org.springframework.http.MediaType.APPLICATION_JSON));
        } catch (java.io.IOException | IllegalStateException gone) {
            // the client went away already
        }
        try {
            watch.emitter().complete();
        } catch (IllegalStateException alreadyDone) {
            // completed by the container already
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        List.copyOf(watches).forEach(this::close);
    }
}
