package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One attempt of one step, as recorded: the input after templates were resolved, the output or the error, and
 * when it ran. Attempts count from 1.
 */
public record StepRecord(
        String executionId,
        String stepKey,
        int stepNumber,
        String actionType,
        StepStatus status,
        int attempt,
        JsonNode input,
        JsonNode output,
        String error,
        Instant startedAt,
        Instant completedAt) {}
