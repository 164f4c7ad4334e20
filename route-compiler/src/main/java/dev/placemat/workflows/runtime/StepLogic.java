package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.template.FieldRules;

/** What a recorded step does with its resolved config; the result becomes the step's output. */
@FunctionalInterface
public interface StepLogic {

    JsonNode run(JsonNode resolvedConfig, StepContext context) throws Exception;

    /** How the step's config templates are resolved before {@link #run}: leniently unless the logic says so. */
    default FieldRules fieldRules() {
        return FieldRules.LENIENT;
    }
}
