package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepContext;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;

/** The {@link StepContext} of one attempt. */
record StepRun(ExecutionState state, String stepKey, Instant deadline, CamelContext camel, PlatformServices services)
        implements StepContext {

    @Override
    public String executionId() {
        return state.executionId();
    }

    @Override
    public String workflowId() {
        return state.workflowId();
    }

    @Override
    public JsonNode data() {
        return state.snapshot();
    }

    @Override
    public Duration timeLeft() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
