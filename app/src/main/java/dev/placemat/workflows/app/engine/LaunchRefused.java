package dev.placemat.workflows.app.engine;

/**
 * An execution was not accepted and nothing was stored: the platform is at capacity or its database is not
 * reachable. Callers answer 503 with {@code Retry-After}.
 */
public class LaunchRefused extends RuntimeException {

    private final int retryAfterSeconds;
    private final int status;

    public LaunchRefused(String message, int retryAfterSeconds) {
        this(503, message, retryAfterSeconds);
    }

    /** @param status 503 when the platform cannot take more, 429 when one workflow is over its own limits */
    public LaunchRefused(int status, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.status = status;
    }

    public int status() {
        return status;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
