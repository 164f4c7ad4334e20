package dev.placemat.workflows.app.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * An API token as its owner and admins see it; {@code token}, the secret, only in the answer that created it (it is
 * stored only as its hash).
 */
public record ApiToken(UUID id, String name, UUID userId, String username, Instant createdAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String token) {

    ApiToken withSecret(String secret) {
        return new ApiToken(id, name, userId, username, createdAt, lastUsedAt, revokedAt, secret);
    }
}
