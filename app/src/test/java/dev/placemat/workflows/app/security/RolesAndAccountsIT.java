package dev.placemat.workflows.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Users, roles and API tokens through the API, and the audit trail they leave. */
class RolesAndAccountsIT extends IntegrationTest {

    private static final String PASSWORD = "correct-horse-battery";

    private static final Object WORKFLOW = Json.of("{'name':'roles','trigger':{'type':'manual','config':{}},"
            + "'steps':[{'action_type':'control.wait','config':{'duration_seconds':0}}]}");

    /** A new user of the role, and an API client holding a token of theirs. */
    private Api userWithToken(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/users", Map.of("username", name, "password", PASSWORD, "role", role)).expect(201);
        String token = login(name).post("/api/tokens", Map.of("name", "ci")).expect(201).json().get("token").asText();
        return api(token);
    }

    private Api login(String username) {
        return Api.session(port, username, PASSWORD);
    }

    private Api api(String token) {
        return Api.withToken(port, token);
    }

    @Test
    void viewersReadButCannotWrite() {
        Api viewer = userWithToken("viewer");
        viewer.get("/api/workflows").expect(200);
        viewer.post("/api/workflows", WORKFLOW).expect(403);
        String id = api().post("/api/workflows", WORKFLOW).expect(201).json().get("id").asText();
        viewer.put("/api/workflows/" + id, WORKFLOW).expect(403);
        viewer.delete("/api/workflows/" + id).expect(403);
        viewer.post("/api/workflows/" + id + "/deploy", null).expect(403);
        viewer.post("/api/workflows/" + id + "/execute", null).expect(403);
        viewer.get("/api/users").expect(403);
        viewer.get("/api/audit").expect(403);
    }

    @Test
    void editorsChangeAndRunWorkflowsButCannotReachAdminEndpoints() {
        Api editor = userWithToken("editor");
        String id = editor.post("/api/workflows", WORKFLOW).expect(201).json().get("id").asText();
        editor.post("/api/workflows/" + id + "/deploy", null).expect(200);
        editor.post("/api/workflows/" + id + "/execute", null).expect(202);
        editor.get("/api/users").expect(403);
        editor.post("/api/users", Map.of("username", "x", "password", PASSWORD, "role", "admin")).expect(403);
        editor.get("/api/audit").expect(403);
        editor.get("/actuator/prometheus").expect(403);
        editor.get("/actuator/camelroutes").expect(403);
        editor.get("/actuator/health").expect(200);
    }

    @Test
    void editorsChangeTheirOwnWorkflowsAndSharedOnesOnly() {
        Api author = userWithToken("editor");
        Api other = userWithToken("editor");
        String id = author.post("/api/workflows", WORKFLOW).expect(201).json().get("id").asText();
        other.get("/api/workflows/" + id).expect(200);
        other.put("/api/workflows/" + id, WORKFLOW).expect(403);
        other.post("/api/workflows/" + id + "/deploy", null).expect(403);
        other.delete("/api/workflows/" + id).expect(403);

        JsonNode shared = Json.of("{'name':'roles','shared':true,'trigger':{'type':'manual','config':{}},"
                + "'steps':[{'action_type':'control.wait','config':{'duration_seconds':0}}]}");
        other.put("/api/workflows/" + id, shared).expect(403);
        assertThat(author.put("/api/workflows/" + id, shared).expect(200).json().get("shared").asBoolean()).isTrue();
        other.post("/api/workflows/" + id + "/deploy", null).expect(200);
        other.post("/api/workflows/" + id + "/execute", null).expect(202);
        api().post("/api/workflows/" + id + "/undeploy", null).expect(200);
    }

    @Test
    void tokensAreShownOnceListedWithoutSecretsAndRevocable() {
        Api editor = userWithToken("editor");
        JsonNode created = editor.post("/api/tokens", Map.of("name", "deploy bot")).expect(201).json();
        String secret = created.get("token").asText();
        assertThat(secret).startsWith("pmw_").hasSizeGreaterThan(40);
        Api bot = api(secret);
        bot.get("/api/auth/me").expect(200);

        JsonNode list = editor.get("/api/tokens").expect(200).json();
        assertThat(list.toString()).doesNotContain(secret);
        assertThat(list).extracting(t -> t.get("name").asText()).contains("deploy bot").doesNotContain("WORKFLOWS_ADMIN_TOKEN");
        assertThat(jdbc.sql("SELECT count(*) FROM api_tokens WHERE token_hash = ?").param(UserRepository.hash(secret))
                .query(Long.class).single()).isEqualTo(1);

        userWithToken("viewer").delete("/api/tokens/" + created.get("id").asText()).expect(404);
        editor.delete("/api/tokens/" + created.get("id").asText()).expect(204);
        bot.get("/api/auth/me").expect(401);
        editor.post("/api/tokens", Map.of("name", "")).expect(400);
    }

    @Test
    void adminsManageUsersAndKeepTheLastAdmin() {
        String name = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode ann = api().post("/api/users", Map.of("username", name, "password", PASSWORD, "role", "viewer"))
                .expect(201).json();
        assertThat(ann.has("password")).isFalse();
        api().post("/api/users", Map.of("username", name, "password", PASSWORD, "role", "viewer")).expect(409);
        api().post("/api/users", Map.of("username", "bob", "password", "short", "role", "viewer")).expect(400);
        api().post("/api/users", Map.of("username", "bob", "password", PASSWORD, "role", "root")).expect(400);

        Api session = login(name);
        session.post("/api/workflows", WORKFLOW).expect(403);
        String id = ann.get("id").asText();
        api().put("/api/users/" + id + "/role", Map.of("role", "editor")).expect(200);
        session.get("/api/workflows").expect(200);
        assertThat(api().get("/api/users").expect(200).json()).anySatisfy(u -> {
            assertThat(u.get("username").asText()).isEqualTo(name);
            assertThat(u.get("role").asText()).isEqualTo("editor");
            assertThat(u.has("password_hash")).isFalse();
        });
        api().delete("/api/users/" + id).expect(204);
        session.get("/api/workflows").expect(401);

        String adminId = jdbc.sql("SELECT id FROM users WHERE username = 'admin'").query(String.class).single();
        long admins = jdbc.sql("SELECT count(*) FROM users WHERE role = 'admin'").query(Long.class).single();
        if (admins == 1) {
            api().put("/api/users/" + adminId + "/role", Map.of("role", "viewer")).expect(409);
            api().delete("/api/users/" + adminId).expect(409);
        }
    }

    @Test
    void everyChangeAndSignInLeavesAnAuditRow() {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode user = api().post("/api/users", Map.of("username", name, "password", PASSWORD, "role", "editor"))
                .expect(201).json();
        Api.session(port, name, "wrong-password-000").get("/api/auth/me").expect(401);
        Api editor = login(name);
        String id = editor.post("/api/workflows", WORKFLOW).expect(201).json().get("id").asText();
        editor.put("/api/workflows/" + id, WORKFLOW).expect(200);
        editor.post("/api/workflows/" + id + "/deploy", null).expect(200);
        editor.post("/api/workflows/" + id + "/execute", null).expect(202);
        editor.post("/api/workflows/" + id + "/undeploy", null).expect(200);
        editor.delete("/api/workflows/" + id).expect(204);
        String tokenId = editor.post("/api/tokens", Map.of("name", "t")).expect(201).json().get("id").asText();
        editor.delete("/api/tokens/" + tokenId).expect(204);
        api().put("/api/users/" + user.get("id").asText() + "/role", Map.of("role", "viewer")).expect(200);

        JsonNode mine = api().get("/api/audit?actor=" + name + "&limit=100").expect(200).json();
        assertThat(mine.get("items")).extracting(i -> i.get("action").asText()).contains("login.failure",
                "login.success", "workflow.create", "workflow.update", "workflow.deploy", "workflow.execute",
                "workflow.undeploy", "workflow.delete", "token.create", "token.revoke");
        assertThat(mine.get("items")).allSatisfy(i -> {
            assertThat(i.get("at").asText()).isNotBlank();
            assertThat(i.get("target_type").asText()).isNotBlank();
        });
        JsonNode workflowRows = api().get("/api/audit?target_type=workflow&target_id=" + id).expect(200).json();
        assertThat(workflowRows.get("total").asInt()).isEqualTo(6);
        JsonNode page = api().get("/api/audit?actor=" + name + "&limit=2&offset=2").expect(200).json();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(api().get("/api/audit?action=user.change_role&target_id=" + user.get("id").asText())
                .expect(200).json().get("items").get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(api().get("/api/audit").expect(200).json().toString()).doesNotContain(PASSWORD);
        api().get("/api/audit?limit=0").expect(400);
    }
}
