package dev.placemat.workflows.spi;

/**
 * A step failed with a message meant for people. {@link #retryable()} tells the engine whether the step's retry policy
 * applies: a bad request will fail the same way again, a timeout or a 5xx may not.
 */
public class StepFailure extends Exception {

    private final boolean retryable;

    public StepFailure(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    public static StepFailure permanent(String message) {
        return new StepFailure(message, false);
    }

    public static StepFailure transientFailure(String message) {
        return new StepFailure(message, true);
    }

    public boolean retryable() {
        return retryable;
    }
}
