package dev.placemat.workflows.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.recovery.Recovery;
import dev.placemat.workflows.app.support.CountingServer;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a user does with executions through the API: re-run one from a step on its original or the current version
 * (the new execution is linked to the old one and the steps before the chosen one do not run again), re-run the
 * failed ones of a time range, cancel a durable wait, and test a workflow with pinned outputs up to a step.
 */
class ExecutionControlIT extends IntegrationTest {

    private static CountingServer service;

    @Autowired
    Recovery recovery;

    @BeforeAll
    static void startService() throws Exception {
        service = new CountingServer();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    private static String definition(String name, String tag, String last) {
        return "{'name':'" + name + "','trigger':{'type':'webhook','config':{}},'steps':["
                + "{'action_type':'http.request','config':{'url':'" + service.url(tag + "-a") + "'}},"
                + "{'action_type':'http.request','config':{'url':'" + service.url(tag + "-b") + "'}},"
                + "{'action_type':'data.transform','config':{'expression':'`" + last + "`'}}]}";
    }

    private String run(String url) {
        String id = anonymous().post(url, "{\"order\":7}").expect(202).json().get("execution_ids").get(0).asText();
        assertThat(Executions.awaitEnd(api(), id).get("status").asText()).isEqualTo("completed");
        return id;
    }

    @Test
    void reRunsFromAStepOnTheOriginalOrTheCurrentVersion() {
        JsonNode workflow = api().deploy(Json.of(definition("re-run", "rerun", "v1")));
        String workflowId = workflow.get("id").asText();
        String first = run(workflow.get("webhook_url").asText());
        api().put("/api/workflows/" + workflowId, Json.of(definition("re-run", "rerun", "v2"))).expect(200);
        api().post("/api/workflows/" + workflowId + "/deploy", null).expect(200);

        JsonNode original = api().post("/api/executions/" + first + "/rerun",
                "{\"from_step\":\"2\",\"version\":\"original\"}").expect(202).json();
        assertThat(original.get("rerun_of").asText()).isEqualTo(first);
        JsonNode rerun = Executions.awaitEnd(api(), original.get("execution_id").asText());
        assertThat(rerun.get("status").asText()).isEqualTo("completed");
        assertThat(rerun.get("rerun_of").asText()).isEqualTo(first);
        assertThat(rerun.get("workflow_version").asInt()).isEqualTo(1);
        assertThat(rerun.get("execution_data").get("step_3").asText()).isEqualTo("v1");
        assertThat(rerun.get("trigger_data").get("webhook_data").get("order").asInt()).isEqualTo(7);
        assertThat(keys(rerun)).containsExactly("1", "2", "3");
        assertThat(service.calls("rerun-a")).as("the step before from_step is not run again").isEqualTo(1);
        assertThat(service.calls("rerun-b")).isEqualTo(2);

        JsonNode current = api().post("/api/executions/" + first + "/rerun",
                "{\"from_step\":\"2\",\"version\":\"current\"}").expect(202).json();
        JsonNode onCurrent = Executions.awaitEnd(api(), current.get("execution_id").asText());
        assertThat(onCurrent.get("workflow_version").asInt()).isEqualTo(2);
        assertThat(onCurrent.get("execution_data").get("step_3").asText()).isEqualTo("v2");
        assertThat(service.calls("rerun-a")).isEqualTo(1);

        JsonNode fromStart = api().post("/api/executions/" + first + "/rerun", "{}").expect(202).json();
        Executions.awaitEnd(api(), fromStart.get("execution_id").asText());
        assertThat(service.calls("rerun-a")).isEqualTo(2);
    }

    @Test
    void refusesReRunsItCannotDoWithTheFieldAtFault() {
        JsonNode workflow = api().deploy(Json.of(definition("bad re-run", "bad", "x")));
        String id = run(workflow.get("webhook_url").asText());
        JsonNode unknownStep = api().post("/api/executions/" + id + "/rerun", "{\"from_step\":\"9\"}").expect(422)
                .json();
        assertThat(unknownStep.get("errors").get(0).get("path").asText()).isEqualTo("from_step");
        JsonNode badVersion = api().post("/api/executions/" + id + "/rerun", "{\"version\":\"newest\"}").expect(422)
                .json();
        assertThat(badVersion.get("errors").get(0).get("path").asText()).isEqualTo("version");
        api().post("/api/executions/00000000-0000-0000-0000-000000000000/rerun", "{}").expect(404);
    }

    @Test
    void reRunsTheFailedExecutionsOfATimeRange() {
        JsonNode workflow = api().deploy(Json.of("{'name':'fails','trigger':{'type':'webhook','config':{}},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'webhook_data.missing.deeper = 1 ? "
                + "`ok` : $error(`no`)'}}]}"));
        Instant from = Instant.now().minusSeconds(1);
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = anonymous().post(workflow.get("webhook_url").asText(), "{}").expect(202).json()
                    .get("execution_ids").get(0).asText();
            assertThat(Executions.awaitEnd(api(), id).get("status").asText()).isEqualTo("failed");
            failed.add(id);
        }
        String range = "'workflow_id':'" + workflow.get("id").asText() + "','status':'failed','from':'" + from
                + "','to':'" + Instant.now().plusSeconds(1) + "'";
        JsonNode refused = api().post("/api/executions/rerun", Json.of("{" + range + ",'limit':1001}")).expect(422)
                .json();
        assertThat(refused.get("errors").get(0).get("path").asText()).isEqualTo("limit");
        JsonNode started = api().post("/api/executions/rerun", Json.of("{" + range + ",'limit':2}")).expect(202)
                .json();
        assertThat(started.get("execution_ids")).as("the oldest two, no more").hasSize(2);
        List<String> rerunOf = new ArrayList<>();
        for (JsonNode id : started.get("execution_ids")) {
            rerunOf.add(Executions.awaitEnd(api(), id.asText()).get("rerun_of").asText());
        }
        assertThat(rerunOf).containsExactly(failed.get(0), failed.get(1));
        JsonNode audited = api().get("/api/audit?action=execution.rerun_all&target_id=" + workflow.get("id").asText())
                .expect(200).json().get("items");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get("detail").get("count").asInt()).isEqualTo(2);
    }

    @Test
    void cancelsADurableWaitInTheDatabase() {
        JsonNode workflow = api().deploy(Json.of("{'name':'long wait','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'control.wait','config':{'duration_seconds':3600}}]}"));
        String id = anonymous().post(workflow.get("webhook_url").asText(), "{}").expect(202).json()
                .get("execution_ids").get(0).asText();
        Executions.awaitStatus(api(), id, "waiting", Duration.ofSeconds(10));
        JsonNode cancelled = api().post("/api/executions/" + id + "/cancel", null).expect(200).json();
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(api().get("/api/executions/" + id).expect(200).json().get("status").asText()).isEqualTo("cancelled");
        api().post("/api/executions/" + id + "/cancel", null).expect(409);
    }

    @Test
    void aWaitingExecutionResumesOnTheVersionItStartedOnAfterARedeploy() {
        String v1 = "{'name':'versions','trigger':{'type':'webhook','config':{}},'steps':[{'action_type':"
                + "'control.wait','config':{'duration_seconds':3600}},{'action_type':'data.transform','config':"
                + "{'expression':'`v1`'}}]}";
        JsonNode workflow = api().deploy(Json.of(v1));
        String workflowId = workflow.get("id").asText();
        String id = anonymous().post(workflow.get("webhook_url").asText(), "{}").expect(202).json()
                .get("execution_ids").get(0).asText();
        Executions.awaitStatus(api(), id, "waiting", Duration.ofSeconds(10));
        api().put("/api/workflows/" + workflowId, Json.of(v1.replace("`v1`", "`v2`"))).expect(200);
        api().post("/api/workflows/" + workflowId + "/deploy", null).expect(200);
        // the hour passes: the wait is due
        jdbc.sql("UPDATE workflow_executions SET resume_at = now() WHERE id = CAST(? AS uuid)").param(id).update();
        jdbc.sql("UPDATE step_executions SET output_data = jsonb_set(output_data, '{waiting_until}', to_jsonb("
                + "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))) "
                + "WHERE execution_id = CAST(? AS uuid)").param(id).update();
        recovery.sweep();
        JsonNode resumed = Executions.awaitEnd(api(), id);
        assertThat(resumed.get("status").asText()).isEqualTo("completed");
        assertThat(resumed.get("workflow_version").asInt()).isEqualTo(1);
        assertThat(resumed.get("execution_data").get("step_2").asText()).isEqualTo("v1");
        assertThat(resumed.get("runs").get(1).get("reason").asText()).isEqualTo("resumed after its wait");
    }

    @Test
    void testsAWorkflowWithPinnedOutputsUpToAStepAndListsTheRunApart() {
        String definition = definition("pinned", "pin", "done");
        JsonNode workflow = api().post("/api/workflows", Json.of(definition)).expect(201).json();
        JsonNode answer = api().post("/api/workflows/test", Json.of("{'workflow':" + definition + ",'workflow_id':'"
                + workflow.get("id").asText() + "','test_data':{'webhook_data':{'x':1}},"
                + "'pinned':{'1':{'body':{'pinned':true}}},'stop_after':'2'}")).expect(200).json();
        assertThat(answer.get("status").asText()).isEqualTo("completed");
        assertThat(service.calls("pin-a")).as("a pinned step does not run").isZero();
        assertThat(service.calls("pin-b")).isEqualTo(1);
        assertThat(answer.get("steps")).extracting(s -> s.get("step_key").asText()).containsExactly("2");
        assertThat(answer.get("context").get("step_1").get("body").get("pinned").asBoolean()).isTrue();
        assertThat(answer.get("context").has("step_3")).as("the run stopped after step 2").isFalse();

        String executionId = answer.get("execution_id").asText();
        JsonNode stored = api().get("/api/executions/" + executionId).expect(200).json();
        assertThat(stored.get("test").asBoolean()).isTrue();
        String byWorkflow = "/api/executions?workflow_id=" + workflow.get("id").asText();
        assertThat(api().get(byWorkflow).expect(200).json().get("total").asInt()).isZero();
        assertThat(api().get(byWorkflow + "&test=true").expect(200).json().get("total").asInt()).isEqualTo(1);

        JsonNode badPin = api().post("/api/workflows/test", Json.of("{'workflow':" + definition
                + ",'pinned':{'7':{}}}")).expect(422).json();
        assertThat(badPin.get("errors").get(0).get("path").asText()).isEqualTo("pinned.7");
    }

    private static List<String> keys(JsonNode execution) {
        List<String> keys = new ArrayList<>();
        execution.get("steps").forEach(s -> keys.add(s.get("step_key").asText()));
        return keys;
    }
}
