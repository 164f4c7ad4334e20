package dev.placemat.workflows.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.HeldRows;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkflowApiIT extends IntegrationTest {

    private static final String DEFINITION = "{'name':'api','description':'d','trigger':{'type':'webhook','config':{}},"
            + "'steps':[{'action_type':'data.transform','config':{'expression':'`hello ` & webhook_data.who'}}]}";

    @Test
    void showsThePlatformsOwnIdAndVersionOnceWhateverKeysTheDefinitionHolds() throws Exception {
        Api.Answer created = api().post("/api/workflows", Json.of(DEFINITION.replace("{'name'",
                "{'id':'not-the-id','version':99,'deployed':'yes','name'"))).expect(201);

        JsonNode strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .readTree(created.text());
        String id = strict.get("id").asText();
        assertThat(api().get("/api/workflows").expect(200).json()).anySatisfy(w ->
                assertThat(w.get("id").asText()).isEqualTo(id));
        assertThat(strict.get("version").asInt()).isEqualTo(1);
        assertThat(strict.get("deployed").asBoolean()).isFalse();
        assertThat(new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .readTree(api().get("/api/workflows/" + id).expect(200).text()).get("id").asText()).isEqualTo(id);
    }

    @Test
    void storesChangesDeploysAndUndeploysAWorkflow() {
        JsonNode created = api().post("/api/workflows", Json.of(DEFINITION)).expect(201).json();
        String id = created.get("id").asText();
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("deployed").asBoolean()).isFalse();
        String url = created.get("webhook_url").asText();
        anonymous().post(url, "{}").expect(404);

        api().post("/api/workflows/" + id + "/deploy", null).expect(200);
        anonymous().post(url, Map.of("who", "Ann")).expect(202);

        JsonNode updated = api().put("/api/workflows/" + id, Json.of(DEFINITION.replace("'api'", "'api v2'"))).expect(200).json();
        assertThat(updated.get("version").asInt()).isEqualTo(2);
        assertThat(updated.get("deployed_version").asInt()).isEqualTo(1);
        assertThat(updated.get("webhook_url").asText()).isEqualTo(url);
        assertThat(api().get("/api/workflows").expect(200).json()).anySatisfy(w -> {
            assertThat(w.get("id").asText()).isEqualTo(id);
            assertThat(w.get("name").asText()).isEqualTo("api v2");
            assertThat(w.get("last_execution").get("status").asText()).isNotBlank();
        });

        api().post("/api/workflows/" + id + "/undeploy", null).expect(200);
        anonymous().post(url, "{}").expect(404);
        api().delete("/api/workflows/" + id).expect(204);
        api().get("/api/workflows/" + id).expect(404);
    }

    /**
     * A delete of a workflow deletes its executions before their step rows, while the execution writer locks a step
     * row before its execution's row. A transaction here takes the writer's locks in its order, around the delete:
     * PostgreSQL breaks the deadlock by aborting the delete, which answered 500 until it was tried again.
     */
    @Test
    void deletesAWorkflowWhileItsExecutionsRowsAreBeingWritten() throws Exception {
        String id = api().deploy(Json.of(DEFINITION.replace("'webhook'", "'manual'"))).get("id").asText();
        String execution = api().post("/api/workflows/" + id + "/execute", "{}").expect(202).json()
                .get("execution_id").asText();
        Executions.awaitEnd(api(), execution);

        try (HeldRows writer = holdRows()) {
            writer.lock("UPDATE step_executions SET completed_at = completed_at WHERE execution_id = ?",
                    UUID.fromString(execution));
            CompletableFuture<Integer> delete = CompletableFuture.supplyAsync(() ->
                    api().delete("/api/workflows/" + id).status());
            writer.awaitWaiting("DELETE FROM workflows");
            writer.lock("UPDATE workflow_executions SET status = status WHERE id = ?", UUID.fromString(execution));
            writer.commit();
            assertThat(delete.get(20, TimeUnit.SECONDS)).isEqualTo(204);
        }
        api().get("/api/workflows/" + id).expect(404);
        api().get("/api/executions/" + execution).expect(404);
    }

    @Test
    void runsADeployedWorkflowByHand() {
        JsonNode workflow = api().post("/api/workflows", Json.of(DEFINITION)).expect(201).json();
        String id = workflow.get("id").asText();
        api().post("/api/workflows/" + id + "/execute", "{}").expect(409);
        api().post("/api/workflows/" + id + "/deploy", null).expect(200);
        String execution = api().post("/api/workflows/" + id + "/execute", Map.of("webhook_data", Map.of("who", "Bo")))
                .expect(202).json().get("execution_id").asText();
        JsonNode done = Executions.awaitEnd(api(), execution);
        assertThat(done.get("execution_data").get("step_1").asText()).isEqualTo("hello Bo");
        assertThat(done.get("trigger_data").get("trigger").get("type").asText()).isEqualTo("manual");
        assertThat(api().get("/api/executions?workflow_id=" + id + "&status=completed").expect(200).json()
                .get("items")).hasSize(1);
    }

    @Test
    void cancelsARunningExecutionSoThatNoFurtherStepStarts() {
        JsonNode workflow = api().deploy(Json.of("{'name':'slow','trigger':{'type':'manual'},'steps':["
                + "{'action_type':'control.wait','config':{'duration_seconds':30}},"
                + "{'action_type':'data.transform','config':{'expression':'`never`'}}]}"));
        String execution = api().post("/api/workflows/" + workflow.get("id").asText() + "/execute", "{}")
                .expect(202).json().get("execution_id").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                api().get("/api/executions/" + execution).expect(200).json().get("steps").size() == 1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                api().get("/api/executions/" + execution).expect(200).json().get("status").asText().equals("running"));
        api().post("/api/executions/" + execution + "/cancel", null).expect(200);
        JsonNode done = Executions.awaitEnd(api(), execution);
        assertThat(done.get("status").asText()).isEqualTo("cancelled");
        assertThat(done.get("error_message").asText()).isEqualTo("cancelled by admin");
        api().post("/api/executions/" + execution + "/cancel", null).expect(409);
    }

    @Test
    void testsAnUnsavedWorkflowAndReturnsEveryStep() {
        JsonNode result = api().post("/api/workflows/test", Map.of("workflow", Json.of(DEFINITION),
                "testData", Map.of("webhook_data", Map.of("who", "Cy")))).expect(200).json();
        assertThat(result.get("status").asText()).isEqualTo("completed");
        assertThat(result.get("steps").get(0).get("output").asText()).isEqualTo("hello Cy");
        assertThat(result.get("steps").get(0).get("input").get("expression").asText()).contains("hello");
    }

    @Test
    void listsActionsByCategoryWithTheirSchemas() {
        JsonNode categories = api().get("/api/actions").expect(200).json().get("categories");
        assertThat(categories).anySatisfy(c -> assertThat(c.get("actions")).anySatisfy(a -> {
            assertThat(a.get("type").asText()).isEqualTo("http.request");
            assertThat(a.get("schema").get("required")).extracting(JsonNode::asText).contains("url");
        }));
        assertThat(categories).anySatisfy(c -> assertThat(c.get("category").asText()).isEqualTo("control"));
    }

    @Test
    void requiresAuthentication() {
        anonymous().get("/api/workflows").expect(401);
        anonymous().post("/api/workflows", Json.of(DEFINITION)).expect(401);
        api().get("/api/workflows/not-a-uuid").expect(400);
        api().get("/api/executions?status=weird").expect(400);
    }
}
