package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt of one step, as recorded: the input after templates were resolved, the output or the error, and
 * when it ran. Attempts count from 1. An attempt is recorded when it starts ({@link StepStatus#RUNNING}, no end) and
 * again, under the same {@code id}, when it ends.
 *
 * @param iteration where in its loops the attempt ran ({@code "2"}, {@code "2.0"} in nested loops), or null
 */
public record StepRecord(
        UUID id,
        String executionId,
        String stepKey,
        String iteration,
        int stepNumber,
        String actionType,
        StepStatus status,
        int attempt,
        JsonNode input,
        JsonNode output,
        String error,
        Instant startedAt,
        Instant completedAt) {

    /** The same attempt, ended. */
    public StepRecord ended(StepStatus status, JsonNode output, String error, Instant completedAt) {
        return new StepRecord(id, executionId, stepKey, iteration, stepNumber, actionType, status, attempt, input,
                output, error, startedAt, completedAt);
    }

    /** The same attempt without its input: what its end adds to a record whose start holds the input. */
    public StepRecord withoutInput() {
        return new StepRecord(id, executionId, stepKey, iteration, stepNumber, actionType, status, attempt, null,
                output, error, startedAt, completedAt);
    }

    /** The key of the step in its loop iteration, as {@link Journal} knows it. */
    public String journalKey() {
        return Journal.key(stepKey, iteration);
    }
}
