package dev.placemat.workflows.app.webhook;

/** A webhook request that starts nothing, with the status and words for the caller. */
class WebhookRejected extends RuntimeException {

    private final int status;
    private final String field;

    WebhookRejected(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
