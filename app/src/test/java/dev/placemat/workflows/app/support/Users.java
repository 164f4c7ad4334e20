package dev.placemat.workflows.app.support;

import java.util.Map;
import java.util.UUID;

/** Users made for a test through the API, each acting with an API token of their own. */
public final class Users {

    private static final String PASSWORD = "correct-horse-battery";

    private Users() {}

    /** A new user of the role (created by {@code admin}), and a client holding a token of theirs. */
    public static Api withRole(Api admin, int port, String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/users", Map.of("username", name, "password", PASSWORD, "role", role)).expect(201);
        String token = Api.session(port, name, PASSWORD).post("/api/tokens", Map.of("name", "it")).expect(201).json()
                .get("token").asText();
        return Api.withToken(port, token);
    }
}
