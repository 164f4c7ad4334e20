package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.runtime.StepRecord;
import java.time.Duration;

/** A step attempt as the API shows it (the same fields as a stored step row). */
final class StepViews {

    private StepViews() {}

    static ObjectNode of(StepRecord r) {
        ObjectNode step = JsonNodeFactory.instance.objectNode();
        step.put("step_key", r.stepKey());
        step.put("iteration", r.iteration());
        step.put("step_number", r.stepNumber());
        step.put("action_type", r.actionType());
        step.put("status", r.status().id());
        step.put("attempt", r.attempt());
        step.set("input", r.input());
        step.set("output", r.output());
        step.put("error", r.error());
        step.put("started_at", r.startedAt().toString());
        step.put("completed_at", r.completedAt() == null ? null : r.completedAt().toString());
        if (r.completedAt() == null) {
            step.putNull("duration_ms");
        } else {
            step.put("duration_ms", Duration.between(r.startedAt(), r.completedAt()).toMillis());
        }
        return step;
    }
}
