package dev.placemat.workflows.app.webhook;

/** A webhook request that starts nothing, with the status and words for the caller. */
class WebhookRejected extends RuntimeException {

    private final int status;
    private final String field;
    private final Integer retryAfterSeconds;

    WebhookRejected(int status, String message, String field) {
        this(status, message, field, null);
    }

    WebhookRejected(int status, String message, String field, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    /** Seconds the caller should wait before trying again, or null. */
    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
