package dev.placemat.workflows.definition;

import java.util.List;
import java.util.Optional;

/** A workflow as users write it: a trigger and ordered steps. Immutable. */
public record WorkflowDefinition(String name, String description, TriggerSpec trigger, List<StepSpec> steps) {

    public WorkflowDefinition {
        steps = List.copyOf(steps);
        description = description == null ? "" : description;
    }

    /** The step with this key ({@code 3}, {@code 2.then.1}), nested or not. */
    public Optional<StepSpec> step(String key) {
        return find(steps, key);
    }

    private static Optional<StepSpec> find(List<StepSpec> steps, String key) {
        for (StepSpec step : steps) {
            if (step.key().equals(key)) {
                return Optional.of(step);
            }
            for (List<StepSpec> children : step.children().values()) {
                Optional<StepSpec> found = find(children, key);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
