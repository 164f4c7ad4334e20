package dev.placemat.workflows.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.FromAddress;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in to the designer with an API token: with only {@code WORKFLOWS_ADMIN_TOKEN} set (as here), the admin has
 * no password, and the token must give a browser session that works like a password's.
 */
class TokenSignInIT extends IntegrationTest {

    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void forgetFailures() {
        List.of("127.0.0.1", "127.0.0.2", "127.0.0.3").forEach(a -> throttle.forget(LoginThrottle.address(a)));
    }

    @Test
    void anApiTokenGivesAWorkingSession() {
        Api session = Api.signIn(port, Map.of("token", ADMIN_TOKEN));
        JsonNode answer = session.signInAnswer().expect(200).json();
        assertThat(answer.get("username").asText()).isEqualTo("admin");
        assertThat(answer.get("role").asText()).isEqualTo("admin");
        assertThat(session.get("/api/auth/me").expect(200).json().get("username").asText()).isEqualTo("admin");
        // writes with the session's CSRF token, as the designer sends them
        session.post("/api/workflows", Json.of("{'name':'From a token session','trigger':{'type':'manual','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]}")).expect(201);
        session.get("/api/users").expect(200);
        JsonNode audit = api().get("/api/audit?action=login.success&actor=admin&limit=1").expect(200).json();
        assertThat(audit.get("items").get(0).get("detail").get("method").asText()).isEqualTo("token");
        session.post("/api/auth/logout", null).expect(204);
        session.get("/api/auth/me").expect(401);
    }

    @Test
    void aWrongOrRevokedTokenIsRefusedAndAudited() {
        JsonNode problem = Api.signIn(port, Map.of("token", "pmw_not-a-token")).signInAnswer().expect(401).json();
        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("token");
        assertThat(problem.get("detail").asText()).contains("not valid");
        JsonNode audit = api().get("/api/audit?action=login.failure&actor=(token)&limit=1").expect(200).json();
        assertThat(audit.get("items").get(0).get("detail").get("method").asText()).isEqualTo("token");
        assertThat(audit.toString()).doesNotContain("pmw_not-a-token");

        String revoked = api().post("/api/tokens", Map.of("name", "soon revoked")).expect(201).json().get("token").asText();
        String id = jdbc.sql("SELECT CAST(id AS text) FROM api_tokens WHERE name = 'soon revoked' ORDER BY created_at DESC "
                + "LIMIT 1").query(String.class).single();
        api().delete("/api/tokens/" + id).expect(204);
        Api.signIn(port, Map.of("token", revoked)).signInAnswer().expect(401);
    }

    @Test
    void tokenSignInsAreThrottledLikePasswords() {
        for (int i = 0; i < 10; i++) {
            Api.signIn(port, Map.of("token", "pmw_guess-" + i)).signInAnswer().expect(401);
        }
        Api.Answer refused = Api.signIn(port, Map.of("token", ADMIN_TOKEN)).signInAnswer().expect(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.json().get("errors").get(0).get("path").asText()).isEqualTo("token");
    }

    @Test
    void passwordGuessesAreThrottledPerUser() {
        String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/users", Map.of("username", name, "password", "the-right-password", "role", "viewer")).expect(201);
        for (int i = 0; i < 10; i++) {
            Api.session(port, name, "wrong-" + i).signInAnswer().expect(401);
        }
        Api.session(port, name, "the-right-password").signInAnswer().expect(429);
        FromAddress.of("127.0.0.2").post(port, "/api/auth/login", Map.of("username", name, "password",
                "the-right-password")).expect(429);
        FromAddress.of("127.0.0.3").post(port, "/api/auth/login", Map.of("username", "another-" + name, "password",
                "whatever")).expect(401);
    }

    @Test
    void aSignInWithoutCredentialsSaysWhatIsMissing() {
        JsonNode problem = Api.signIn(port, Map.of("username", "admin")).signInAnswer().expect(400).json();
        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("password");
    }
}
