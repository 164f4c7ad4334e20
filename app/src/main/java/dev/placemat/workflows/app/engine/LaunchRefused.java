package dev.placemat.workflows.app.engine;

/**
 * An execution was not accepted and nothing was stored: one workflow is over its own limits (its rate or its
 * concurrency), or the platform cannot take more (at capacity, its database or bus not reachable). Either way the
 * caller may try again after {@link #retryAfterSeconds()}; the web layer answers 429 or 503 with {@code Retry-After}.
 */
public class LaunchRefused extends RuntimeException {

    private final int retryAfterSeconds;
    private final boolean overWorkflowLimit;

    /** The platform cannot take more now. */
    public LaunchRefused(String message, int retryAfterSeconds) {
        this(false, message, retryAfterSeconds);
    }

    private LaunchRefused(boolean overWorkflowLimit, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.overWorkflowLimit = overWorkflowLimit;
    }

    /** One workflow is started faster, or runs more executions at once, than its limits allow. */
    static LaunchRefused overWorkflowLimit(String message, int retryAfterSeconds) {
        return new LaunchRefused(true, message, retryAfterSeconds);
    }

    /** Whether the refusal is one workflow's limit, not the platform's. */
    public boolean overWorkflowLimit() {
        return overWorkflowLimit;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
