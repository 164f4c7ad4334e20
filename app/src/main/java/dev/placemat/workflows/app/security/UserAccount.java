package dev.placemat.workflows.app.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.springframework.lang.Nullable;

/** A user as admins see it; {@code created_at} in the list only. */
public record UserAccount(UUID id, String username, String role,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant createdAt) {}
