package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.FieldRules;
import dev.placemat.workflows.template.Paths;
import dev.placemat.workflows.template.Templates;
import dev.placemat.workflows.template.UnresolvedTemplate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.camel.Exchange;

/**
 * The state of one execution while its route runs, carried on the exchange: the execution context (trigger data
 * and each step's output as {@code step_N}), where step records go, the journal of an earlier run to resume from,
 * attempt counts per step and loop iteration (Camel's own redelivery counters carry over between steps, so they are
 * not used), the execution's attempt budget, and whether this node may still work on it.
 */
public final class ExecutionState {

    public static final String PROPERTY = "placemat.execution";
    /** No budget: as many step attempts as the steps make. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final String executionId;
    private final String workflowId;
    private final ObjectNode context;
    private final StepSink sink;
    private final Journal journal;
    private final int maxAttempts;
    private final BooleanSupplier leaseHeld;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger totalAttempts;
    private volatile String stopReason;
    private volatile StepAttempt current;
    private volatile String haltAfter;
    private volatile boolean halted;
    private volatile boolean effectCompletedInThisRun;

    public ExecutionState(String executionId, String workflowId, ObjectNode context, StepSink sink) {
        this(executionId, workflowId, context, sink, Journal.EMPTY, UNLIMITED, () -> true);
    }

    /**
     * @param journal     what an earlier run of this execution did; its steps are not run again
     * @param maxAttempts step attempts the execution may make in all, earlier runs included
     * @param leaseHeld   whether this node still owns the execution; checked before each step
     */
    public ExecutionState(String executionId, String workflowId, ObjectNode context, StepSink sink, Journal journal,
            int maxAttempts, BooleanSupplier leaseHeld) {
        this.executionId = executionId;
        this.workflowId = workflowId;
        this.context = context;
        this.sink = sink;
        this.journal = journal;
        this.maxAttempts = maxAttempts;
        this.leaseHeld = leaseHeld;
        this.totalAttempts = new AtomicInteger(journal.totalAttempts());
    }

    /**
     * Asks the execution to stop: no further step starts (each fails with the reason), and the attempt running now
     * is given up (its cancel hooks run and its thread is interrupted).
     */
    public void stop(String reason) {
        stopReason = reason;
        StepAttempt running = current;
        if (running != null) {
            running.giveUp(StepFailure.permanent(reason));
        }
    }

    /** Ends the run once the step with this key has completed ("run up to here" in a test); null runs it all. */
    public void haltAfter(String stepKey) {
        this.haltAfter = stepKey;
    }

    /**
     * A step completed: the run halts when it was the last one asked for.
     *
     * @param computesOnly whether the step only computed (no I/O: running it again changes nothing outside)
     */
    void completed(String stepKey, boolean computesOnly) {
        if (!computesOnly) {
            effectCompletedInThisRun = true;
        }
        if (stepKey.equals(haltAfter)) {
            halted = true;
        }
    }

    /**
     * Whether a step that reaches outside (not one that only computes) completed in this run, not in an earlier one
     * whose records are durable already: until its end is on record, a crash would make it run again.
     */
    boolean effectCompletedInThisRun() {
        return effectCompletedInThisRun;
    }

    /** Why the execution was asked to stop, or null. */
    public String stopReason() {
        return stopReason;
    }

    public static ExecutionState of(Exchange exchange) {
        ExecutionState state = exchange.getProperty(PROPERTY, ExecutionState.class);
        if (state == null) {
            throw new IllegalStateException("exchange " + exchange.getExchangeId() + " carries no execution state");
        }
        return state;
    }

    public void attachTo(Exchange exchange) {
        exchange.setProperty(PROPERTY, this);
    }

    public String executionId() {
        return executionId;
    }

    public String workflowId() {
        return workflowId;
    }

    /** A copy of {@code value} with its templates resolved against the context as it is now. */
    public synchronized JsonNode resolve(JsonNode value) {
        return Templates.resolve(value, context);
    }

    /** Like {@link #resolve(JsonNode)}, as {@code rules} say; a template that leads nowhere fails for good. */
    public synchronized JsonNode resolve(JsonNode value, FieldRules rules) throws StepFailure {
        try {
            return Templates.resolve(value, context, rules);
        } catch (UnresolvedTemplate e) {
            throw StepFailure.permanent(e.getMessage());
        }
    }

    /** Reads the context under the state's lock; the reader must not keep what it is given. */
    public synchronized <T> T read(Function<JsonNode, T> reader) {
        return reader.apply(context);
    }

    /** The value at a context path (a copy), or a missing node. */
    public synchronized JsonNode at(String path) {
        return Paths.lookup(context, path).deepCopy();
    }

    synchronized void put(String name, JsonNode value) {
        context.set(name, value);
    }

    synchronized void remove(String name) {
        context.remove(name);
    }

    /** Adds a nested action's output to the {@code results} of its enclosing control step. */
    synchronized void appendResult(int stepNumber, JsonNode output) {
        JsonNode parent = context.get("step_" + stepNumber);
        if (parent instanceof ObjectNode object) {
            JsonNode results = object.get("results");
            ArrayNode list = results instanceof ArrayNode array ? array : object.putArray("results");
            list.add(output);
        }
    }

    Journal.Entry replayed(String journalKey) {
        return journal.done(journalKey);
    }

    /** Refuses the next step when this node no longer owns the execution or it was asked to stop. */
    void checkMayProceed() throws StepFailure {
        if (halted) {
            throw new ExecutionHalted("stopped after step " + haltAfter, haltAfter);
        }
        if (!leaseHeld.getAsBoolean()) {
            throw new ExecutionAbandoned("this node no longer holds the execution's lease");
        }
        if (stopReason != null) {
            throw StepFailure.permanent(stopReason);
        }
    }

    /** Counts an attempt of the step, refusing it past the execution's budget; attempts of earlier runs count. */
    int nextAttempt(String journalKey) throws StepFailure {
        if (totalAttempts.incrementAndGet() > maxAttempts) {
            throw StepFailure.permanent("the execution made " + maxAttempts + " step attempts, its budget "
                    + "(workflows.limits.max-steps-per-execution); it was stopped");
        }
        return attempts.merge(journalKey, journal.attempts(journalKey) + 1, (old, first) -> old + 1);
    }

    UUID newRecordId() {
        return sink.newId();
    }

    StepSink sink() {
        return sink;
    }

    /** The attempt running now, so that a stop can give it up. */
    void running(StepAttempt attempt) {
        current = attempt;
        String reason = stopReason;
        if (attempt != null && reason != null) {
            attempt.giveUp(StepFailure.permanent(reason));
        }
    }
}
