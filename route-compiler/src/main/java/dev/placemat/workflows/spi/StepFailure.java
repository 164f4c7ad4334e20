package dev.placemat.workflows.spi;

import java.time.Duration;

/**
 * A step failed with a message meant for people. {@link #retryable()} tells the engine whether the step's retry policy
 * applies: a bad request will fail the same way again, a timeout or a 5xx may not. {@link #retryAfter()} is the
 * shortest wait the service asked for before the next attempt (a 429 or 503 with {@code Retry-After}); the engine
 * waits at least that long, whatever the step's retry delay says.
 */
public class StepFailure extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    public StepFailure(String message, boolean retryable) {
        this(message, retryable, null);
    }

    private StepFailure(String message, boolean retryable, Duration retryAfter) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static StepFailure permanent(String message) {
        return new StepFailure(message, false);
    }

    public static StepFailure transientFailure(String message) {
        return new StepFailure(message, true);
    }

    /** A retryable failure whose service asked not to be called again before {@code retryAfter} has passed. */
    public static StepFailure retryAfter(String message, Duration retryAfter) {
        return new StepFailure(message, true, retryAfter);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the service asked for before the next attempt, or null when it asked for none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
