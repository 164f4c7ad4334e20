package dev.placemat.workflows.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.runtime.StepLogic;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What a {@link dev.placemat.workflows.spi.ControlAction} may emit at its place in the route. Every method appends
 * Camel nodes with ids derived from the step; values that hold templates are resolved at run time.
 */
public interface StepScope {

    /** A recorded step whose logic runs on the route's thread (it must be quick: it only reads the context). */
    void record(StepSpec step, StepLogic logic);

    /** A Camel choice: {@code then} when every condition holds, {@code otherwise} when not. */
    void choice(StepSpec step, String label, List<Condition> conditions, List<StepSpec> then, List<StepSpec> otherwise);

    /**
     * A Camel split over the items computed from the step's resolved config and the context; the body runs once per
     * item with {@code loop: {index, item, total}} in the context.
     */
    void split(StepSpec step, BiFunction<JsonNode, JsonNode, List<JsonNode>> items, List<StepSpec> body);

    /**
     * A wait: a recorded step whose logic returns a {@link dev.placemat.workflows.runtime.Waiting} (until when), then
     * a Camel delay of what is left without holding a thread, or, for a long wait, a suspension of the execution
     * that any node resumes when the time comes.
     */
    void wait(StepSpec step, StepLogic until);
}
