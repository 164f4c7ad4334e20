package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.runtime.StepRecord;
import java.util.UUID;

/**
 * What learns of each recorded end of a step attempt of a stored execution (the metrics). Called directly, not as a
 * Spring application event: there is one per attempt, and the event's dispatch cost more than its listener.
 */
public interface StepEnds {

    void ended(UUID workflowId, StepRecord record);
}
