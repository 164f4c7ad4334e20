package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.template.FieldRules;

/** What a recorded step does with its resolved config. */
@FunctionalInterface
public interface StepLogic {

    /** The step's output as JSON, or a {@link java.util.concurrent.CompletionStage} of it for work that completes
     * later without holding a thread.
     */
    Object run(JsonNode resolvedConfig, StepContext context) throws Exception;

    /**
     * Whether running the step again after a crash is safe (see {@link dev.placemat.workflows.spi.TaskAction});
     * logic that only reads the context is.
     */
    default boolean repeatSafe(JsonNode resolvedConfig) {
        return true;
    }

    /** How the step's config templates are resolved before {@link #run}: leniently unless the logic says so. */
    default FieldRules fieldRules() {
        return FieldRules.LENIENT;
    }
}
