package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.runtime.StepRecord;
import java.time.Duration;
import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * A step attempt of a test run: the fields of a stored step attempt but the node (a test runs where it was asked).
 * {@code iteration} is null outside loops.
 */
public record TestStep(String stepKey, @Nullable String iteration, int stepNumber, String actionType, String status,
        int attempt, @Nullable JsonNode input, @Nullable JsonNode output, @Nullable String error, Instant startedAt,
        @Nullable Instant completedAt, @Nullable Long durationMs) {

    static TestStep of(StepRecord r) {
        return new TestStep(r.stepKey(), r.iteration(), r.stepNumber(), r.actionType(), r.status().id(), r.attempt(),
                r.input(), r.output(), r.error(), r.startedAt(), r.completedAt(),
                r.completedAt() == null ? null : Duration.between(r.startedAt(), r.completedAt()).toMillis());
    }
}
