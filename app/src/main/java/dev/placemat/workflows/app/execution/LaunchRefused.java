package dev.placemat.workflows.app.execution;

/**
 * An execution was not accepted and nothing was stored: the platform is at capacity or its database is not
 * reachable. Callers answer 503 with {@code Retry-After}.
 */
public class LaunchRefused extends RuntimeException {

    private final int retryAfterSeconds;

    public LaunchRefused(String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
