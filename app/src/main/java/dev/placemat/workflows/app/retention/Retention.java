package dev.placemat.workflows.app.retention;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Deletes ended executions (their steps go with them) older than {@code workflows.retention.max-age-days}, and
 * beyond the newest {@code max-per-workflow} of each workflow. It runs on the scheduler, in statements of
 * {@code batch-size} executions with a pause between them, on a thread of its own (never the scheduler's, whose
 * other jobs must keep their pace), so that it never holds the engine's threads or long locks. Unfinished executions are never deleted. Idempotency keys of webhook requests and the event ids already
 * delivered are remembered for the same {@code max-age-days}: a replay after that starts a new execution.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final String ENDED = "status IN ('completed', 'failed', 'cancelled')";
    private static final String OLD = "DELETE FROM workflow_executions WHERE id IN (SELECT id FROM workflow_executions "
            + "WHERE " + ENDED + " AND completed_at < now() - make_interval(days => :days) LIMIT :batch)";
    private static final String CROWDED = "SELECT workflow_id FROM workflow_executions GROUP BY workflow_id "
            + "HAVING count(*) > :keep";
    /** The newest of a workflow's ended executions beyond the kept ones: it and the older ended ones go. */
    private static final String FIRST_SURPLUS = "SELECT started_at, id FROM workflow_executions "
            + "WHERE workflow_id = :workflow AND " + ENDED + " ORDER BY started_at DESC, id DESC OFFSET :keep LIMIT 1";
    private static final String SURPLUS = "DELETE FROM workflow_executions WHERE id IN (SELECT id FROM "
            + "workflow_executions WHERE workflow_id = :workflow AND " + ENDED + " AND (started_at, id) <= "
            + "(:startedAt, :id) LIMIT :batch)";
    private static final String OLD_IDEMPOTENCY_KEYS = oldRows("webhook_requests");
    private static final String OLD_EVENT_DELIVERIES = oldRows("event_deliveries");

    private final JdbcClient jdbc;
    private final WorkflowsProperties.Retention settings;
    private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutorBuilder().corePoolSize(1).maxPoolSize(1)
            .threadNamePrefix("retention-").build();
    private final AtomicBoolean running = new AtomicBoolean();

    public Retention(JdbcClient jdbc, WorkflowsProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.retention();
        worker.setDaemon(true);
        worker.initialize();
    }

    /** Starts a pruning pass on the retention thread, unless one still runs. */
    @Scheduled(initialDelay = 120_000, fixedDelay = 600_000)
    public void scheduled() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            try {
                prune(settings.maxAgeDays(), settings.maxPerWorkflow());
            } catch (RuntimeException e) {
                log.warn("pruning old executions failed; trying again later: {}", e.getMessage());
            } finally {
                running.set(false);
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    /** Prunes with the given bounds; returns how many executions were deleted. */
    public int prune(int maxAgeDays, int maxPerWorkflow) {
        Map<String, Object> age = Map.of("days", maxAgeDays);
        int deleted = batches(OLD, age) + surplus(maxPerWorkflow);
        int remembered = batches(OLD_IDEMPOTENCY_KEYS, age) + batches(OLD_EVENT_DELIVERIES, age);
        if (deleted + remembered > 0) {
            log.info("pruned {} old execution(s) and {} idempotency key(s) and event deliveries", deleted, remembered);
        }
        return deleted;
    }

    private static String oldRows(String table) {
        return "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table
                + " WHERE created_at < now() - make_interval(days => :days) LIMIT :batch)";
    }

    /**
     * Deletes each workflow's ended executions beyond its newest {@code keep}. The first of them is found once per
     * pass, by the workflow's index; each batch then deletes along that index from there, instead of ranking the
     * whole table again (a batch of 500 read every execution the workflow keeps).
     */
    private int surplus(int keep) {
        int total = 0;
        for (UUID workflow : jdbc.sql(CROWDED).param("keep", keep).query(UUID.class).list()) {
            Optional<Map<String, Object>> first = jdbc.sql(FIRST_SURPLUS).param("workflow", workflow)
                    .param("keep", keep)
                    .query((rs, n) -> Map.<String, Object>of("workflow", workflow,
                            "startedAt", rs.getTimestamp("started_at"), "id", rs.getObject("id", UUID.class)))
                    .optional();
            total += first.map(from -> batches(SURPLUS, from)).orElse(0);
        }
        return total;
    }

    private int batches(String sql, Map<String, Object> params) {
        int total = 0;
        while (true) {
            int n = jdbc.sql(sql).params(params).param("batch", settings.batchSize()).update();
            total += n;
            if (n < settings.batchSize()) {
                return total;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            }
        }
    }
}
