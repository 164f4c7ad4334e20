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
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * The state of one execution while its route runs, carried on the exchange: the execution context (trigger data
 * and each step's output as {@code step_N}), where step records go, and attempt counts per step (Camel's own
 * redelivery counters carry over between steps, so they are not used).
 */
public final class ExecutionState {

    public static final String PROPERTY = "placemat.execution";

    private final String executionId;
    private final String workflowId;
    private final ObjectNode context;
    private final StepSink sink;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private volatile String stopReason;

    public ExecutionState(String executionId, String workflowId, ObjectNode context, StepSink sink) {
        this.executionId = executionId;
        this.workflowId = workflowId;
        this.context = context;
        this.sink = sink;
    }

    /** Asks the execution to stop: no further step starts; each fails with the reason. */
    public void stop(String reason) {
        stopReason = reason;
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

    public synchronized ObjectNode snapshot() {
        return context.deepCopy();
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

    int nextAttempt(String stepKey) {
        return attempts.merge(stepKey, 1, Integer::sum);
    }

    /** Resets attempt counts under a loop body so that each iteration counts from 1. */
    void resetAttempts(String keyPrefix) {
        attempts.keySet().removeIf(k -> k.startsWith(keyPrefix));
    }

    void record(StepRecord record) {
        sink.record(record);
    }
}
