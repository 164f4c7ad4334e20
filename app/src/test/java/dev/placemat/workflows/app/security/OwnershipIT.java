package dev.placemat.workflows.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Users;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ownership everywhere: an editor cannot act on another editor's private executions, take another workflow's
 * webhook id or choose one, or forge the platform's own events; readers who may not run a workflow do not learn its
 * webhook URL.
 */
class OwnershipIT extends IntegrationTest {

    private static final Object WAITING = Json.of("{'name':'waits','trigger':{'type':'webhook','config':{}},"
            + "'steps':[{'action_type':'control.wait','config':{'duration_seconds':20}}]}");

    @Test
    void anEditorCannotCancelReRunOrResumeAnotherEditorsPrivateExecution() {
        Users.User author = Users.create(api(), port, "editor");
        Users.User other = Users.create(api(), port, "editor");
        Users.User viewer = Users.create(api(), port, "viewer");
        JsonNode workflow = author.api().deploy(WAITING);
        String id = anonymous().post(workflow.get("webhook_url").asText(), "{}").expect(202).json()
                .get("execution_ids").get(0).asText();
        Executions.awaitStatus(api(), id, "running", Duration.ofSeconds(10));

        for (Api refused : new Api[] {other.api(), viewer.api()}) {
            refused.post("/api/executions/" + id + "/cancel", null).expect(403);
            refused.post("/api/executions/" + id + "/rerun", "{}").expect(403);
            refused.post("/api/executions/" + id + "/resume", "{\"step\":\"1\",\"mode\":\"skip\"}").expect(403);
            refused.post("/api/executions/rerun", Map.of("workflow_id", workflow.get("id").asText(), "from",
                    "2026-01-01T00:00:00Z", "to", "2099-01-01T00:00:00Z")).expect(403);
        }
        assertThat(api().get("/api/executions/" + id).expect(200).json().get("status").asText()).isEqualTo("running");
        author.api().post("/api/executions/" + id + "/cancel", null).expect(200);
        assertThat(Executions.awaitEnd(api(), id).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void webhookIdsAreOneWorkflowsAndChosenByThePlatformUnlessAnAdminNamesOne() {
        Users.User author = Users.create(api(), port, "editor");
        Users.User other = Users.create(api(), port, "editor");
        JsonNode victim = author.api().post("/api/workflows", WAITING).expect(201).json();
        String taken = victim.get("trigger").get("config").get("webhook_id").asText();

        other.api().post("/api/workflows", withWebhookId(taken)).expect(409);
        String mine = other.api().post("/api/workflows", WAITING).expect(201).json().get("id").asText();
        other.api().put("/api/workflows/" + mine, withWebhookId(taken)).expect(409);
        api().post("/api/workflows", withWebhookId(taken)).expect(409);
        other.api().post("/api/workflows", withWebhookId("chosen-by-an-editor-0001")).expect(403);
        JsonNode own = other.api().get("/api/workflows/" + mine).expect(200).json();
        other.api().put("/api/workflows/" + mine, own).expect(200);
        assertThat(api().post("/api/workflows", withWebhookId("chosen-by-an-admin-00001")).expect(201).json()
                .get("webhook_url").asText()).endsWith("/chosen-by-an-admin-00001");
    }

    @Test
    void onlyAdminsPublishThePlatformsOwnEvents() {
        Api editor = Users.create(api(), port, "editor").api();
        editor.post("/api/events/workflow.completed", Map.of("workflow_id", "x", "status", "completed")).expect(403);
        editor.post("/api/events/execution.failed", Map.of()).expect(403);
        editor.post("/api/events/Workflow.Failed", Map.of()).expect(403);
        editor.post("/api/events/notion.page.updated", Map.of()).expect(202);
        api().post("/api/events/workflow.completed", Map.of("workflow_id", "x")).expect(202);
    }

    @Test
    void readersWhoMayNotRunAWorkflowDoNotLearnItsWebhookUrl() {
        Users.User author = Users.create(api(), port, "editor");
        Users.User other = Users.create(api(), port, "editor");
        Users.User viewer = Users.create(api(), port, "viewer");
        JsonNode workflow = author.api().deploy(Json.of("{'name':'hook','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]}"));
        String webhookId = workflow.get("trigger").get("config").get("webhook_id").asText();
        String execution = anonymous().post(workflow.get("webhook_url").asText(), "{}").expect(202).json()
                .get("execution_ids").get(0).asText();
        Executions.awaitEnd(api(), execution);
        String id = workflow.get("id").asText();
        for (Api reader : new Api[] {viewer.api(), other.api()}) {
            assertThat(reader.get("/api/workflows/" + id).expect(200).text())
                    .doesNotContain(webhookId).contains("\"webhook_url\":null");
            assertThat(reader.get("/api/executions/" + execution).expect(200).text()).doesNotContain(webhookId);
            for (String path : new String[] {"/api/workflows/" + id + "/versions/1", "/api/workflows/" + id
                    + "/versions", "/api/workflows", "/api/executions?workflow_id=" + id}) {
                assertThat(reader.get(path).expect(200).text()).as(path).doesNotContain(webhookId);
            }
        }
        assertThat(author.api().get("/api/workflows/" + id + "/versions/1").expect(200).json().get("trigger")
                .get("config").get("webhook_id").asText()).isEqualTo(webhookId);
        assertThat(author.api().get("/api/workflows/" + workflow.get("id").asText()).expect(200).json()
                .get("webhook_url").asText()).endsWith(webhookId);
        assertThat(author.api().get("/api/executions/" + execution).expect(200).text()).contains(webhookId);
    }

    private static JsonNode withWebhookId(String webhookId) {
        return Json.of("{'name':'waits','trigger':{'type':'webhook','config':{'webhook_id':'" + webhookId + "'}},"
                + "'steps':[{'action_type':'control.wait','config':{'duration_seconds':20}}]}");
    }
}
