package dev.placemat.workflows.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A workflow's saved versions: who saved each, what it held, restoring one, and deploying a chosen one. */
class WorkflowVersionsIT extends IntegrationTest {

    private static JsonNode manual(String name, String output) {
        return Json.of("{'name':'" + name + "','trigger':{'type':'manual','config':{}},'steps':[{'action_type':"
                + "'data.transform','config':{'expression':'`" + output + "`'}}]}");
    }

    private static String username(Api user) {
        return user.get("/api/auth/me").expect(200).json().get("username").asText();
    }

    @Test
    void listsVersionsWithTheirAuthorsAndDeploysAChosenOne() {
        Api editor = Users.withRole(api(), port, "editor");
        String id = editor.post("/api/workflows", manual("Greeter", "one")).expect(201).json().get("id").asText();
        editor.put("/api/workflows/" + id, manual("Greeter v2", "two")).expect(200);

        JsonNode versions = editor.get("/api/workflows/" + id + "/versions").expect(200).json();
        assertThat(versions).extracting(v -> v.get("version").asInt(), v -> v.get("created_by").asText(),
                v -> v.get("deployed").asBoolean(), v -> v.get("name").asText())
                .containsExactly(tuple(2, username(editor), false, "Greeter v2"),
                        tuple(1, username(editor), false, "Greeter"));
        assertThat(versions.get(0).get("created_at").asText()).isNotBlank();

        JsonNode deployed = editor.post("/api/workflows/" + id + "/deploy", Map.of("version", 1)).expect(200).json();
        assertThat(deployed.get("deployed_version").asInt()).isEqualTo(1);
        assertThat(deployed.get("version").asInt()).isEqualTo(2);
        assertThat(editor.get("/api/workflows/" + id + "/versions").expect(200).json())
                .extracting(v -> v.get("deployed").asBoolean()).containsExactly(false, true);
        String execution = editor.post("/api/workflows/" + id + "/execute", "{}").expect(202).json()
                .get("execution_id").asText();
        JsonNode done = Executions.awaitEnd(editor, execution);
        assertThat(done.get("workflow_version").asInt()).isEqualTo(1);
        assertThat(done.get("execution_data").get("step_1").asText()).isEqualTo("one");

        editor.post("/api/workflows/" + id + "/deploy", null).expect(200);
        assertThat(editor.get("/api/workflows/" + id).expect(200).json().get("deployed_version").asInt()).isEqualTo(2);
    }

    @Test
    void showsAnOldDefinitionAndRestoresItAsANewVersion() {
        String id = api().post("/api/workflows", manual("Reporter", "old")).expect(201).json().get("id").asText();
        api().put("/api/workflows/" + id, manual("Reporter", "new")).expect(200);

        JsonNode old = api().get("/api/workflows/" + id + "/versions/1").expect(200).json();
        assertThat(old.get("steps").get(0).get("config").get("expression").asText()).isEqualTo("'old'");

        JsonNode restored = api().post("/api/workflows/" + id + "/versions/1/restore", null).expect(200).json();
        assertThat(restored.get("version").asInt()).isEqualTo(3);
        assertThat(restored.get("steps").get(0).get("config").get("expression").asText()).isEqualTo("'old'");
        assertThat(api().get("/api/workflows/" + id + "/versions").expect(200).json())
                .extracting(v -> v.get("version").asInt()).containsExactly(3, 2, 1);
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_versions WHERE workflow_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void neverShowsNorResealsAWebhookSecretOfAnOldVersion() {
        JsonNode created = api().post("/api/workflows", Json.of("{'name':'Signed','trigger':{'type':'webhook',"
                + "'config':{'secret':'s3cret-value'}},'steps':[{'action_type':'data.transform','config':"
                + "{'expression':'1'}}]}")).expect(201).json();
        String id = created.get("id").asText();
        api().put("/api/workflows/" + id, Json.of("{'name':'Signed v2','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'2'}}]}")).expect(200);

        JsonNode first = api().get("/api/workflows/" + id + "/versions/1").expect(200).json();
        assertThat(first.get("trigger").get("config").has("secret")).isFalse();
        assertThat(first.toString()).doesNotContain("s3cret-value");

        JsonNode restored = api().post("/api/workflows/" + id + "/versions/1/restore", null).expect(200).json();
        assertThat(restored.get("webhook_secret_set").asBoolean()).isTrue();
        assertThat(restored.get("webhook_url").asText()).isEqualTo(created.get("webhook_url").asText());
        String sealedNow = sealedSecret(id, 3);
        assertThat(sealedNow).isEqualTo(sealedSecret(id, 1)).doesNotContain("s3cret-value");
    }

    private String sealedSecret(String id, int version) {
        return jdbc.sql("SELECT definition -> 'trigger' -> 'config' ->> 'secret' FROM workflow_versions "
                + "WHERE workflow_id = ?::uuid AND version = ?").param(id).param(version).query(String.class).single();
    }

    /**
     * Step attempts are history: removing a step from the workflow leaves its past attempts as they were written,
     * instead of rewriting each of them in the save's transaction (25 s at a million executions, bench/README.md).
     */
    @Test
    void removingAStepLeavesItsPastAttemptsUntouched() {
        JsonNode twoSteps = Json.of("{'name':'Two steps','trigger':{'type':'manual','config':{}},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'1'}},"
                + "{'action_type':'data.transform','config':{'expression':'2'}}]}");
        String id = api().deploy(twoSteps).get("id").asText();
        String execution = api().post("/api/workflows/" + id + "/execute", "{}").expect(202).json()
                .get("execution_id").asText();
        assertThat(Executions.awaitEnd(api(), execution).get("status").asText()).isEqualTo("completed");
        String attemptsBefore = attemptRows(execution);

        api().put("/api/workflows/" + id, manual("Two steps", "one")).expect(200);

        assertThat(attemptRows(execution)).as("the attempts' rows, with the versions PostgreSQL gave them")
                .isEqualTo(attemptsBefore);
        assertThat(api().get("/api/executions/" + execution).expect(200).json().get("steps"))
                .extracting(s -> s.get("step_key").asText(), s -> s.get("output").asInt())
                .containsExactly(tuple("1", 1), tuple("2", 2));
    }

    /** Each step row of the execution with its row version ({@code xmin}), which any update of the row changes. */
    private String attemptRows(String execution) {
        return String.join("; ", jdbc.sql("SELECT step_key || ' ' || coalesce(step_id::text, 'no step') || ' ' || xmin "
                        + "FROM step_executions WHERE execution_id = ?::uuid ORDER BY step_number")
                .param(execution).query(String.class).list());
    }

    @Test
    void answersUnknownVersionsAndBadVersionNumbersWithTheirField() {
        String id = api().post("/api/workflows", manual("Small", "x")).expect(201).json().get("id").asText();
        api().get("/api/workflows/" + id + "/versions/9").expect(404);
        api().post("/api/workflows/" + id + "/versions/9/restore", null).expect(404);
        api().post("/api/workflows/" + id + "/deploy", Map.of("version", 9)).expect(404);
        JsonNode bad = api().post("/api/workflows/" + id + "/deploy", Map.of("version", "two")).expect(400).json();
        assertThat(bad.get("errors").get(0).get("path").asText()).isEqualTo("version");
        api().get("/api/workflows/00000000-0000-0000-0000-000000000000/versions").expect(404);
    }

    @Test
    void viewersReadTheHistoryAndOtherEditorsCannotRestoreWhatIsNotShared() {
        Api author = Users.withRole(api(), port, "editor");
        String id = author.post("/api/workflows", manual("Private", "a")).expect(201).json().get("id").asText();
        author.put("/api/workflows/" + id, manual("Private", "b")).expect(200);
        Api viewer = Users.withRole(api(), port, "viewer");
        viewer.get("/api/workflows/" + id + "/versions").expect(200);
        viewer.get("/api/workflows/" + id + "/versions/1").expect(200);
        viewer.post("/api/workflows/" + id + "/versions/1/restore", null).expect(403);
        viewer.post("/api/workflows/" + id + "/deploy", Map.of("version", 1)).expect(403);
        Api other = Users.withRole(api(), port, "editor");
        other.post("/api/workflows/" + id + "/versions/1/restore", null).expect(403);
        other.post("/api/workflows/" + id + "/deploy", Map.of("version", 1)).expect(403);
        assertThat(author.get("/api/workflows/" + id).expect(200).json().get("version").asInt()).isEqualTo(2);
    }
}
