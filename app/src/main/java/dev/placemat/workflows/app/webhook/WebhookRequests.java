package dev.placemat.workflows.app.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook requests accepted under an {@code Idempotency-Key}, with the executions they started. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookRequests {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    /**
     * Claims the key for this request; empty when claimed now, else the executions of the request that claimed it
     * first (an empty list while that request is still starting them).
     */
    Optional<List<UUID>> claim(String webhookId, String key) {
        int inserted = jdbc.sql("INSERT INTO webhook_requests (webhook_id, idempotency_key) VALUES (:webhookId, :key) "
                        + "ON CONFLICT (webhook_id, idempotency_key) DO NOTHING")
                .param("webhookId", webhookId)
                .param("key", key)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        String ids = jdbc.sql("SELECT execution_ids::text FROM webhook_requests WHERE webhook_id = :webhookId "
                        + "AND idempotency_key = :key")
                .param("webhookId", webhookId)
                .param("key", key)
                .query(String.class)
                .optional()
                .orElse(null);
        return Optional.of(ids == null ? List.of() : parse(ids));
    }

    void complete(String webhookId, String key, List<UUID> executionIds) {
        jdbc.sql("UPDATE webhook_requests SET execution_ids = :ids::jsonb WHERE webhook_id = :webhookId "
                        + "AND idempotency_key = :key")
                .param("webhookId", webhookId)
                .param("key", key)
                .param("ids", json.valueToTree(executionIds.stream().map(UUID::toString).toList()).toString())
                .update();
    }

    /** Frees a key whose request started nothing, so that the client's retry can. */
    void release(String webhookId, String key) {
        jdbc.sql("DELETE FROM webhook_requests WHERE webhook_id = :webhookId AND idempotency_key = :key")
                .param("webhookId", webhookId)
                .param("key", key)
                .update();
    }

    private List<UUID> parse(String ids) {
        try {
            return Arrays.stream(json.readValue(ids, String[].class)).map(UUID::fromString).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored execution ids cannot be read", e);
        }
    }
}
