package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.StepContext;

/** What a recorded step does with its resolved config; the result becomes the step's output. */
@FunctionalInterface
public interface StepLogic {

    JsonNode run(JsonNode resolvedConfig, StepContext context) throws Exception;
}
