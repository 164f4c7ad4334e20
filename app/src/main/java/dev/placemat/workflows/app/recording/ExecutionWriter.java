package dev.placemat.workflows.app.recording;

import com.zaxxer.hikari.HikariDataSource;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.runtime.StepRecord;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The writer of execution and step rows. Rows from many executions are written together, one statement per batch
 * committed on its own (synchronous commit), so that each row is durable within milliseconds without a round trip of
 * its own (see docs/adr/0003). A caller that must not go on before its row is durable (a webhook before its 202) waits
 * for the batch's commit. A second lane commits new executions' rows while the node is quiet (see
 * {@link #offerQuiet}). Each lane has a connection of its own ({@link WriterConnections}).
 */
@Component
public class ExecutionWriter {

    private static final Logger log = LoggerFactory.getLogger(ExecutionWriter.class);
    private static final int QUIET_CAPACITY = 1_000;

    private final HikariDataSource connections;
    private final BlockingQueue<RowWrite> queue;
    /** New executions' rows while the node is quiet, each committed beside the batch of the other rows. */
    private final BlockingQueue<RowWrite> quietAcceptances;
    private final int batchSize;
    private final int maxStepBytes;
    private final StoredJson json;
    private final FirstStatistics statistics = new FirstStatistics();
    private final Thread thread;
    private final Thread quietThread;
    private volatile boolean running = true;

    public ExecutionWriter(DataSource platform, WorkflowsProperties properties, StoredJson json) throws SQLException {
        this.connections = WriterConnections.of(platform, 2);
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(properties.writer().queueCapacity());
        this.batchSize = properties.writer().batchSize();
        this.maxStepBytes = properties.limits().maxStepOutputBytes();
        this.quietAcceptances = new ArrayBlockingQueue<>(QUIET_CAPACITY);
        this.thread = lane(queue, "execution-writer");
        this.quietThread = lane(quietAcceptances, "execution-writer-quiet");
    }

    private Thread lane(BlockingQueue<RowWrite> source, String name) {
        Thread lane = new Thread(() -> loop(source), name);
        lane.setDaemon(true);
        lane.start();
        return lane;
    }

    /**
     * Queues a new execution's row to be committed without waiting for the batch of the other rows; false when full.
     * Only for a node running few executions: under load, the new row's wait behind the running executions' rows is
     * what keeps acceptance at the pace of completion (bench/README.md, sixth and thirteenth sessions).
     */
    public boolean offerQuiet(RowWrite.InsertExecution insert) {
        return quietAcceptances.offer(insert);
    }

    /** Queues a write; false when the queue is full (the caller sheds load). */
    public boolean offer(RowWrite write) {
        return queue.offer(write);
    }

    /**
     * Queues a write that must not be dropped, waiting for room. An interrupt does not drop it: the write is queued
     * all the same and the thread's interrupt status is restored afterwards.
     */
    public void put(RowWrite write) {
        boolean interrupted = false;
        while (true) {
            try {
                if (queue.offer(write, 1, TimeUnit.SECONDS)) {
                    break;
                }
                log.warn("the execution writer's queue is full; waiting for room");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues an attempt's start; the future completes once its row is durable. */
    public CompletableFuture<Void> started(StepRecord record, UUID workflowId, String node) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        put(new RowWrite.StartStep(record, workflowId, node, StepTruncation.json(json, record.input(), maxStepBytes),
                committed));
        return committed;
    }

    /** Queues an attempt's end; returns the size of its output's JSON text as stored. */
    public int ended(StepRecord record) {
        String output = StepTruncation.json(json, record.output(), maxStepBytes);
        put(new RowWrite.EndStep(record, output));
        return output == null ? 0 : output.length();
    }

    private void loop(BlockingQueue<RowWrite> source) {
        List<RowWrite> batch = new ArrayList<>(batchSize);
        while (running || !source.isEmpty()) {
            try {
                RowWrite first = source.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                source.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("execution writer failed on a batch of {} rows", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<RowWrite> batch) throws InterruptedException {
        RowBatch rows = RowBatch.of(batch);
        long backoff = 100;
        while (!rows.isEmpty()) {
            try (Connection connection = connections.getConnection()) {
                rows.writeTo(connection);
                rows.committed();
                statistics.wrote(rows.size(), connection);
                return;
            } catch (SQLException e) {
                if (!RowBatch.isUnavailable(e)) {
                    writeOneByOne(rows);
                    return;
                }
                // Callers waiting for a new execution's row learn now and answer 503: nothing was acknowledged.
                // Rows of executions already accepted are kept and retried until the database is back.
                rows = rows.withoutInserts(e);
                log.warn("the database is unavailable ({}); retrying {} rows in {} ms", e.getMessage(), rows.size(),
                        backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** A batch the database refused for its content: rows go one by one so that one bad row loses only itself. */
    private void writeOneByOne(RowBatch rows) {
        for (RowBatch single : rows.split()) {
            try (Connection connection = connections.getConnection()) {
                single.writeTo(connection);
                single.committed();
            } catch (SQLException e) {
                single.dropped(e);
                log.error("dropped an execution row the database refuses: {}", e.getMessage());
            }
        }
    }

    /** Waits until every queued row is written (tests and shutdown). */
    public void drain(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!(queue.isEmpty() && quietAcceptances.isEmpty()) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        drain(10_000);
        running = false;
        thread.join(5_000);
        quietThread.join(5_000);
        connections.close();
    }
}
