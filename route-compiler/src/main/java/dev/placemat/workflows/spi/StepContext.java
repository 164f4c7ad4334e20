package dev.placemat.workflows.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Function;
import org.apache.camel.CamelContext;

/**
 * What an action may see and use while it runs.
 */
public interface StepContext {

    String executionId();

    String workflowId();

    /** The step's key: {@code 3}, or {@code 2.then.1} for a nested action. */
    String stepKey();

    /**
     * A key that is the same for every attempt of this step in this execution (and in this loop iteration), and
     * differs for any other step, iteration or execution: outbound calls send it as {@code Idempotency-Key} so that
     * a service that honours it drops a repeated call (a retry, or a step run again after a crash).
     */
    String idempotencyKey();

    /**
     * Reads the execution context so far (trigger data and earlier outputs) as it is, without a copy: the reader must
     * neither change what it is given nor keep any part of it (it returns a copy of what it needs).
     */
    <T> T read(Function<JsonNode, T> reader);

    /** The value at a path of the execution context, such as {@code step_1.rows} (a copy), or a missing node. */
    JsonNode at(String path);

    /** Time left before the step times out; actions pass it to their own client timeouts. */
    Duration timeLeft();

    /**
     * Registers what stops this attempt's work when it is given up (its timeout passed or the execution was
     * cancelled): abort an HTTP exchange, {@code Statement.cancel()}. The thread running a blocking action is also
     * interrupted. A hook registered after the attempt was given up runs at once.
     */
    void onCancel(Runnable hook);

    /** True once the attempt was given up; long computations check it and stop. */
    boolean cancelled();

    CamelContext camel();

    PlatformServices services();
}
