package dev.placemat.workflows.connectors.http;

import dev.placemat.workflows.spi.StepFailure;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Why an outbound exchange got no answer, as a step failure: refused by the guard for good, anything else retryable. */
final class OutboundFailures {

    private OutboundFailures() {}

    static StepFailure of(URI uri, Exception e) {
        String host = uri.getHost();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof GuardedDns.Refused refused) {
                return refused.failure();
            }
            if (cause instanceof BoundedBody.TooLarge tooLarge) {
                return StepFailure.permanent("the answer from " + host + " is " + tooLarge.getMessage()
                        .replaceFirst("^the answer is ", ""));
            }
            if (cause instanceof UnknownHostException) {
                return StepFailure.transientFailure("the host '" + host + "' cannot be resolved");
            }
            if (cause instanceof SocketTimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return StepFailure.transientFailure("no answer from " + host + " in time");
            }
            if (cause instanceof ConnectException) {
                return StepFailure.transientFailure("could not connect to " + host + ": " + cause.getMessage());
            }
            if (cause instanceof SSLException) {
                return StepFailure.transientFailure("the TLS handshake with " + host + " failed: " + cause.getMessage());
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return StepFailure.transientFailure("calling " + host + " failed: " + message);
    }
}
