package dev.placemat.workflows.app.connections;

import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Users as connections name them: owners and people shared with, by id in rows and by name in the API. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ConnectionUsers {

    private final JdbcClient jdbc;

    Optional<UUID> idOf(String username) {
        return jdbc.sql("SELECT id FROM users WHERE username = :name").param("name", username).query(UUID.class)
                .optional();
    }

    Optional<String> nameOf(UUID id) {
        return jdbc.sql("SELECT username FROM users WHERE id = :id").param("id", id).query(String.class).optional();
    }
}
