package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signatures already accepted by webhooks that refuse replays, in the platform's database (so every node sees
 * them): a SHA-256 of each, kept for twice the signature tolerance, the longest a signed request can pass the
 * timestamp check. The same signature again within that time is a replay.
 */
@Component
class SignatureReplays {

    private final JdbcClient jdbc;
    private final long keepSeconds;

    SignatureReplays(JdbcClient jdbc, WorkflowsProperties properties) {
        this.jdbc = jdbc;
        this.keepSeconds = 2L * properties.webhook().signatureToleranceSeconds();
    }

    /** Records the signature; false when it was recorded before and is still kept (a replay). */
    boolean firstTime(String webhookId, String signature) {
        return jdbc.sql("INSERT INTO webhook_signatures (webhook_id, signature_sha256, expires_at) "
                        + "VALUES (:id, :hash, now() + make_interval(secs => :keep)) "
                        + "ON CONFLICT (webhook_id, signature_sha256) DO UPDATE SET expires_at = EXCLUDED.expires_at "
                        + "WHERE webhook_signatures.expires_at < now()")
                .param("id", webhookId).param("hash", sha256(signature)).param("keep", keepSeconds)
                .update() == 1;
    }

    /** Forgets a signature whose request started nothing, so that the sender may send it again. */
    void forget(String webhookId, String signature) {
        jdbc.sql("DELETE FROM webhook_signatures WHERE webhook_id = :id AND signature_sha256 = :hash")
                .param("id", webhookId).param("hash", sha256(signature)).update();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void pruneExpired() {
        jdbc.sql("DELETE FROM webhook_signatures WHERE expires_at < now()").update();
    }

    private static String sha256(String signature) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
