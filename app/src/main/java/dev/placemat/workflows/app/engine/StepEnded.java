package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.runtime.StepRecord;
import java.util.UUID;

/** Published (as a Spring application event) when a step attempt of a stored execution is recorded. */
public record StepEnded(UUID workflowId, StepRecord record) {}
