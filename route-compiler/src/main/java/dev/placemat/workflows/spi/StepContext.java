package dev.placemat.workflows.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.apache.camel.CamelContext;

/**
 * What an action may see and use while it runs.
 */
public interface StepContext {

    String executionId();

    String workflowId();

    /** The step's key: {@code 3}, or {@code 2.then.1} for a nested action. */
    String stepKey();

    /** The execution context so far (trigger data and earlier outputs); read only. */
    JsonNode data();

    /** Time left before the step times out; actions pass it to their own client timeouts. */
    Duration timeLeft();

    CamelContext camel();

    PlatformServices services();
}
