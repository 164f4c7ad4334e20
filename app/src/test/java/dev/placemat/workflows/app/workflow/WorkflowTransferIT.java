package dev.placemat.workflows.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Export workflows to JSON and import them again, through the API. */
class WorkflowTransferIT extends IntegrationTest {

    private long workflowsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM workflows WHERE name = ?").param(name).query(Long.class).single();
    }

    @Test
    void exportsDeletesImportsAndRunsAgainWithANewWebhookAndNoSecret() {
        String name = "Round trip " + UUID.randomUUID();
        JsonNode original = api().post("/api/workflows", Json.of("{'name':'" + name + "','tags':['finance','daily'],"
                + "'trigger':{'type':'webhook','config':{'secret':'top-secret-value'}},'steps':[{'action_type':"
                + "'data.transform','name':'Greet','notes':'says hello','config':{'expression':"
                + "'`hello ` & webhook_data.who'}}]}")).expect(201).json();
        String id = original.get("id").asText();

        Api.Answer export = api().get("/api/workflows/" + id + "/export").expect(200);
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains(".workflow.json");
        JsonNode file = export.json();
        assertThat(file.get("format").asText()).isEqualTo("placemat-workflows");
        JsonNode exported = file.get("workflows").get(0);
        assertThat(exported.get("name").asText()).isEqualTo(name);
        assertThat(exported.get("tags")).extracting(JsonNode::asText).containsExactly("finance", "daily");
        assertThat(exported.get("steps").get(0).get("name").asText()).isEqualTo("Greet");
        assertThat(exported.get("trigger").get("config").has("webhook_id")).isFalse();
        assertThat(file.toString()).doesNotContain("secret");

        api().delete("/api/workflows/" + id).expect(204);
        JsonNode imported = api().post("/api/workflows/import", file).expect(201).json();
        assertThat(imported.get("created")).hasSize(1);
        assertThat(imported.get("missing_connections")).isEmpty();
        String newId = imported.get("created").get(0).get("id").asText();
        JsonNode workflow = api().get("/api/workflows/" + newId).expect(200).json();
        assertThat(workflow.get("webhook_url").asText()).isNotEqualTo(original.get("webhook_url").asText());
        assertThat(workflow.get("webhook_secret_set").asBoolean()).isFalse();
        assertThat(workflow.get("steps").get(0).get("notes").asText()).isEqualTo("says hello");
        assertThat(api().get("/api/workflows").expect(200).json()).anySatisfy(w -> {
            assertThat(w.get("id").asText()).isEqualTo(newId);
            assertThat(w.get("tags")).extracting(JsonNode::asText).containsExactly("finance", "daily");
        });

        api().post("/api/workflows/" + newId + "/deploy", null).expect(200);
        String execution = anonymous().post(workflow.get("webhook_url").asText(), Map.of("who", "Ada")).expect(202)
                .json().get("execution_ids").get(0).asText();
        assertThat(Executions.awaitEnd(api(), execution).get("execution_data").get("step_1").asText())
                .isEqualTo("hello Ada");
    }

    @Test
    void namesTheConnectionsTheImportedWorkflowsUseThatDoNotExist() {
        String present = "slack-" + UUID.randomUUID().toString().substring(0, 8);
        String missing = "finance-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/connections", Map.of("name", present, "type", "slack",
                "fields", Map.of("webhook_url", "https://hooks.slack.com/services/T/B/X"))).expect(201);
        boolean defaultSmtp = api().get("/api/connections/smtp").status() == 200;
        JsonNode file = Json.of("{'workflows':[{'name':'Uses connections','trigger':{'type':'manual'},'steps':["
                + "{'action_type':'slack.send_message','config':{'connection':'" + present + "','message':'hi'}},"
                + "{'action_type':'database.query','config':{'connection':'" + missing + "','query':'SELECT 1'}},"
                + "{'action_type':'control.condition','config':{'conditions':[{'field':'a','operator':'exists'}],"
                + "'then_actions':[{'action_type':'email.send','config':{'to':'a@example.org','subject':'s'}}]}}]}]}");

        JsonNode answer = api().post("/api/workflows/import", file).expect(201).json();
        List<Tuple> expected = new ArrayList<>(List.of(tuple("steps[1]", missing)));
        if (!defaultSmtp) {
            expected.add(tuple("steps[2].config.then_actions[0]", "smtp"));
        }
        assertThat(answer.get("missing_connections"))
                .extracting(m -> m.get("step").asText(), m -> m.get("connection").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(answer.get("missing_connections")).allSatisfy(m -> {
            assertThat(m.get("workflow").asText()).isEqualTo("Uses connections");
            assertThat(m.get("workflow_index").asInt()).isZero();
        });
    }

    @Test
    void importsNothingWhenOneDefinitionIsInvalidAndSaysWhere() {
        String name = "Atomic " + UUID.randomUUID();
        JsonNode problem = api().post("/api/workflows/import", Json.of("{'workflows':[{'name':'" + name + "',"
                + "'trigger':{'type':'manual'},'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]},"
                + "{'name':'" + name + "','trigger':{'type':'manual'},'steps':[{'action_type':'no.such'}]}]}"))
                .expect(422).json();
        assertThat(problem.get("errors")).extracting(e -> e.get("path").asText(), e -> e.get("code").asText())
                .containsExactly(tuple("workflows[1].steps[0].action_type", "unknown_action_type"));
        assertThat(workflowsNamed(name)).isZero();

        api().post("/api/workflows/import", "\"text\"").expect(422);
        JsonNode empty = api().post("/api/workflows/import", Map.of("workflows", List.of())).expect(422).json();
        assertThat(empty.get("errors").get(0).get("path").asText()).isEqualTo("workflows");
    }

    @Test
    void importsOneDefinitionOrAListAndChoosesItsOwnWebhookIds() {
        String name = "Loose " + UUID.randomUUID();
        JsonNode one = api().post("/api/workflows/import", Json.of("{'name':'" + name + "','trigger':{'type':"
                + "'webhook','config':{'webhook_id':'chosen-by-the-file-0123456789'}},'steps':[{'action_type':"
                + "'data.transform','config':{'expression':'1'}}]}")).expect(201).json();
        String id = one.get("created").get(0).get("id").asText();
        assertThat(api().get("/api/workflows/" + id).expect(200).json().get("webhook_url").asText())
                .doesNotContain("chosen-by-the-file");

        JsonNode definitions = Json.of("{'list':[{'name':'" + name + "','trigger':{'type':'manual'},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'1'}}]},{'name':'" + name + "','trigger':"
                + "{'type':'manual'},'steps':[{'action_type':'data.transform','config':{'expression':'2'}}]}]}")
                .get("list");
        JsonNode list = api().post("/api/workflows/import", definitions).expect(201).json();
        assertThat(list.get("created")).hasSize(2);
        assertThat(workflowsNamed(name)).isEqualTo(3);
    }

    @Test
    void viewersExportEverythingButCannotImport() {
        String name = "Everyone reads " + UUID.randomUUID();
        api().post("/api/workflows", Json.of("{'name':'" + name + "','trigger':{'type':'manual'},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'1'}}]}")).expect(201);
        Api viewer = Users.withRole(api(), port, "viewer");
        Api.Answer all = viewer.get("/api/workflows/export").expect(200);
        assertThat(all.header("Content-Disposition")).contains("workflows.json");
        assertThat(all.json().get("workflows")).anySatisfy(w -> assertThat(w.get("name").asText()).isEqualTo(name));
        viewer.post("/api/workflows/import", all.json()).expect(403);
    }
}
