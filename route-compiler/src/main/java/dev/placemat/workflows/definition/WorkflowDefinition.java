package dev.placemat.workflows.definition;

import java.util.List;

/** A workflow as users write it: a trigger and ordered steps. Immutable. */
public record WorkflowDefinition(String name, String description, TriggerSpec trigger, List<StepSpec> steps) {

    public WorkflowDefinition {
        steps = List.copyOf(steps);
        description = description == null ? "" : description;
    }
}
