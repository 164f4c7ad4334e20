package dev.placemat.workflows.app.support;

import java.util.Map;
import java.util.UUID;

/** New users of a role, made by an admin, each with an API client holding a token of theirs. */
public final class Users {

    public static final String PASSWORD = "correct-horse-battery";

    /** A user: their name, and an API client acting as them. */
    public record User(String name, Api api) {}

    private Users() {}

    public static User create(Api admin, int port, String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/users", Map.of("username", name, "password", PASSWORD, "role", role)).expect(201);
        String token = Api.session(port, name, PASSWORD).post("/api/tokens", Map.of("name", "ci")).expect(201).json()
                .get("token").asText();
        return new User(name, Api.withToken(port, token));
    }

    /** A new user of the role, as an API client holding a token of theirs. */
    public static Api withRole(Api admin, int port, String role) {
        return create(admin, port, role).api();
    }
}
