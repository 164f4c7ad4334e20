package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.definition.TriggerSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Message;

/**
 * The default webhook signature: {@code X-Webhook-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">}
 * with the Unix time in {@code X-Webhook-Timestamp}, accepted within a tolerance of now (so that a captured request
 * cannot be replayed later). Header names can be set per workflow. Compared in constant time.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** @throws WebhookRejected (401) when the signature is missing, stale or wrong */
    static void verify(String secret, TriggerSpec trigger, Message in, byte[] body, Duration tolerance, Instant now) {
        String signatureHeader = trigger.text("signature_header", SIGNATURE_HEADER);
        String timestampHeader = trigger.text("timestamp_header", TIMESTAMP_HEADER);
        String signature = presented(trigger, in);
        String timestamp = in.getHeader(timestampHeader, String.class);
        if (signature == null || timestamp == null) {
            throw unauthorized("The request is not signed: send " + signatureHeader + " and " + timestampHeader + ".");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized(timestampHeader + " must be a Unix time in seconds.");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            throw unauthorized("The signature's timestamp is more than " + tolerance.toSeconds()
                    + " s away from now; sign each request when it is sent.");
        }
        byte[] expected = (PREFIX + sign(secret, timestamp.trim(), body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw unauthorized("The signature does not match the body.");
        }
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"}. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The signature a request presents to this trigger, or null. */
    static String presented(TriggerSpec trigger, Message in) {
        return in.getHeader(trigger.text("signature_header", SIGNATURE_HEADER), String.class);
    }

    /** True when the trigger refuses a signature it has accepted before ({@code refuse_replays}). */
    static boolean refusesReplays(TriggerSpec trigger) {
        var refuse = trigger.config().get("refuse_replays");
        return refuse != null && refuse.asBoolean(false);
    }

    /** The headers a workflow signs with, in lower case: they are not passed on as workflow data. */
    static Set<String> headerNames(TriggerSpec trigger) {
        return Set.of(trigger.text("signature_header", SIGNATURE_HEADER).toLowerCase(Locale.ROOT),
                trigger.text("timestamp_header", TIMESTAMP_HEADER).toLowerCase(Locale.ROOT));
    }

    private static WebhookRejected unauthorized(String message) {
        return new WebhookRejected(401, message, null);
    }
}
