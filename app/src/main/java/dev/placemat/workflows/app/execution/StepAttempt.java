package dev.placemat.workflows.app.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * One attempt of a step: its input and output, error and timing, and the node that ran it. {@code iteration} is null
 * outside loops, {@code "2"} for the third item of a loop, {@code "2.0"} in nested loops.
 */
public record StepAttempt(String stepKey, @Nullable String iteration, int stepNumber, String actionType,
        String status, int attempt, @Nullable JsonNode input, @Nullable JsonNode output, @Nullable String error,
        @Nullable Instant startedAt, @Nullable Instant completedAt, @Nullable Long durationMs, @Nullable String node) {}
