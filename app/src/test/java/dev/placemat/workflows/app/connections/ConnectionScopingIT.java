package dev.placemat.workflows.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.EchoServer;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Users;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A connection's secret serves only the users allowed to use it, and only the hosts it is meant for: an editor
 * cannot point an admin's http connection at a URL of their choosing (at save, test, deploy or run time), and the
 * connections API shows and changes connections by owner and sharing.
 */
class ConnectionScopingIT extends IntegrationTest {

    private static final String TOKEN = "admin-bearer-" + UUID.randomUUID();
    private static final EchoServer ECHO = EchoServer.shared();

    /** An admin's http connection whose credentials may go to 127.0.0.1 (the echo service) only. */
    private String adminConnection(Map<String, Object> sharing) {
        String name = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/connections", Map.of("name", name, "type", "http", "shared_with", sharing,
                "fields", Map.of("allowed_hosts", "127.0.0.1:" + ECHO.port(), "bearer_token", TOKEN))).expect(201);
        return name;
    }

    private static JsonNode workflow(String connection, String url) {
        return Json.of("{'name':'exfiltrate','trigger':{'type':'webhook','config':{}},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'1'}},"
                + "{'action_type':'http.request','config':{'url':'" + url + "','connection':'" + connection + "'}}]}");
    }

    private static void assertError(JsonNode problem, String path, String code) {
        assertThat(problem.get("errors")).as(problem.toString())
                .anyMatch(e -> e.get("path").asText().equals(path) && e.get("code").asText().equals(code));
    }

    @Test
    void anEditorCannotUseAnAdminsConnectionThatIsNotSharedWithThem() {
        String connection = adminConnection(Map.of());
        Users.User editor = Users.create(api(), port, "editor");
        JsonNode refused = editor.api().post("/api/workflows", workflow(connection, ECHO.base("localhost") + "/echo"))
                .expect(422).json();
        assertError(refused, "steps[1].config.connection", "connection_not_allowed");
        JsonNode test = editor.api().post("/api/workflows/test", Map.of("workflow",
                workflow(connection, ECHO.base("localhost") + "/echo"), "test_data", Map.of())).expect(422).json();
        assertError(test, "steps[1].config.connection", "connection_not_allowed");
        JsonNode templated = Json.of("{'name':'t','trigger':{'type':'manual','config':{}},'steps':[{'action_type':"
                + "'http.request','config':{'url':'" + ECHO.base("127.0.0.1") + "/echo','connection':"
                + "'{{trigger.connection}}'}}]}");
        assertError(editor.api().post("/api/workflows", templated).expect(422).json(), "steps[0].config.connection",
                "template_not_allowed");
    }

    @Test
    void aSharedConnectionSendsItsCredentialsOnlyToItsAllowedHosts() {
        String connection = adminConnection(Map.of("roles", List.of("editor")));
        Users.User editor = Users.create(api(), port, "editor");
        JsonNode literal = editor.api().post("/api/workflows", workflow(connection, ECHO.base("localhost") + "/echo"))
                .expect(422).json();
        assertError(literal, "steps[1].config.url", "host_not_allowed");

        JsonNode templated = editor.api().deploy(workflow(connection, "{{webhook_data.url}}"));
        String webhook = templated.get("webhook_url").asText();
        String elsewhere = anonymous().post(webhook, Map.of("url", ECHO.base("localhost") + "/echo?leak=1"))
                .expect(202).json().get("execution_ids").get(0).asText();
        JsonNode failed = Executions.awaitEnd(api(), elsewhere);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        JsonNode step = failed.get("steps").get(1);
        assertThat(step.get("error").asText()).contains("sends its credentials only to 127.0.0.1:" + ECHO.port());
        assertThat(step.get("attempt").asInt()).as("a permanent failure: no retry").isEqualTo(1);

        String allowed = anonymous().post(webhook, Map.of("url", ECHO.base("127.0.0.1") + "/echo")).expect(202).json()
                .get("execution_ids").get(0).asText();
        assertThat(Executions.awaitEnd(api(), allowed).get("status").asText()).isEqualTo("completed");

        String redirected = anonymous().post(webhook, Map.of("url", ECHO.base("127.0.0.1") + "/redirect?to="
                + ECHO.base("localhost") + "/echo?redirected=1")).expect(202).json().get("execution_ids").get(0)
                .asText();
        assertThat(Executions.awaitEnd(api(), redirected).get("status").asText()).isEqualTo("completed");

        assertThat(ECHO.received()).filteredOn(r -> r.host().startsWith("localhost"))
                .as("nothing sent to a host the connection does not allow carries its token")
                .isNotEmpty()
                .allMatch(r -> r.authorization() == null);
        assertThat(ECHO.received()).anyMatch(r -> r.host().startsWith("127.0.0.1")
                && ("Bearer " + TOKEN).equals(r.authorization()));
    }

    @Test
    void deployChecksTheRightsOfTodayAndTheAuthorsRightsCountWhenAnAdminDeploys() {
        Users.User editor = Users.create(api(), port, "editor");
        String connection = adminConnection(Map.of("users", List.of(editor.name())));
        String id = editor.api().post("/api/workflows", workflow(connection, ECHO.base("127.0.0.1") + "/echo"))
                .expect(201).json().get("id").asText();
        api().put("/api/connections/" + connection, Map.of("type", "http", "shared_with", Map.of(),
                "fields", Map.of("allowed_hosts", "127.0.0.1:" + ECHO.port()))).expect(200);

        assertError(editor.api().post("/api/workflows/" + id + "/deploy", null).expect(422).json(),
                "steps[1].config.connection", "connection_not_allowed");
        assertError(api().post("/api/workflows/" + id + "/deploy", null).expect(422).json(),
                "steps[1].config.connection", "connection_not_allowed");
        assertThat(api().get("/api/workflows/" + id).expect(200).json().get("deployed").asBoolean()).isFalse();
    }

    @Test
    void theConnectionsApiShowsAndChangesConnectionsByOwnerAndSharing() {
        String adminOnly = adminConnection(Map.of());
        String shared = adminConnection(Map.of("roles", List.of("editor")));
        Users.User editor = Users.create(api(), port, "editor");
        Users.User viewer = Users.create(api(), port, "viewer");
        Api mine = editor.api();

        mine.post("/api/connections", Map.of("name", "own-" + editor.name(), "type", "http",
                "fields", Map.of("allowed_hosts", "api.example.com", "bearer_token", "editor-token-123"))).expect(201);
        JsonNode list = mine.get("/api/connections").expect(200).json();
        assertThat(list).extracting(c -> c.get("name").asText()).contains(shared, "own-" + editor.name())
                .doesNotContain(adminOnly);
        JsonNode sharedView = mine.get("/api/connections/" + shared).expect(200).json();
        assertThat(sharedView.get("fields").size()).as("a shared connection shows none of its fields").isZero();
        assertThat(sharedView.get("can_manage").asBoolean()).isFalse();
        JsonNode own = mine.get("/api/connections/own-" + editor.name()).expect(200).json();
        assertThat(own.get("owner").asText()).isEqualTo(editor.name());
        assertThat(own.get("fields").get("bearer_token").asText()).isEqualTo("********");

        mine.get("/api/connections/" + adminOnly).expect(404);
        mine.put("/api/connections/" + shared, Map.of("type", "http",
                "fields", Map.of("allowed_hosts", "evil.example.com"))).expect(403);
        mine.delete("/api/connections/" + shared).expect(403);
        mine.post("/api/connections", Map.of("name", adminOnly, "type", "http",
                "fields", Map.of("allowed_hosts", "evil.example.com"))).expect(409);
        assertError(mine.post("/api/connections", Map.of("name", "notion", "type", "notion",
                "fields", Map.of("token", "x"))).expect(422).json(), "name", "reserved_name");
        assertError(mine.post("/api/connections", Map.of("name", "no-hosts-" + editor.name(), "type", "http",
                "fields", Map.of("bearer_token", "x"))).expect(422).json(), "fields.allowed_hosts", "invalid_hosts");
        mine.post("/api/connections", Map.of("name", "db-" + editor.name(), "type", "database",
                "fields", Map.of("url", "jdbc:postgresql://db.example.com/x", "allow_platform_database", "true")))
                .expect(403);
        assertError(mine.post("/api/connections", Map.of("name", "db2-" + editor.name(), "type", "database",
                "fields", Map.of("url", "jdbc:postgresql://db.example.com/x?socketFactory=java.io.FileOutputStream"
                        + "&socketFactoryArg=/tmp/pwned"))).expect(422).json(), "fields.url",
                "url_parameter_not_allowed");
        viewer.api().get("/api/connections").expect(403);

        assertThat(api().get("/api/connections/" + adminOnly).expect(200).json().get("can_manage").asBoolean())
                .isTrue();
        assertThat(api().get("/api/audit?action=connection.save&target_id=" + shared).expect(200).json()
                .get("items").toString()).doesNotContain(TOKEN).contains("editor");
    }
}
