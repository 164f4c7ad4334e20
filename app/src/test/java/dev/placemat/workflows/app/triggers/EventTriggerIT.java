package dev.placemat.workflows.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Events over the embedded Kafka broker (the bus of every IT); the in-process bus has InProcessEventBusTest. */
class EventTriggerIT extends IntegrationTest {

    private static final String STEP = "[{'action_type':'data.transform','config':{'expression':'event_data'}}]";

    @Autowired
    CamelContext camel;

    private final List<String> deployed = new ArrayList<>();

    @AfterEach
    void undeploy() {
        deployed.forEach(id -> api().post("/api/workflows/" + id + "/undeploy", null));
    }

    private String deploy(String name, String eventType, String conditions) {
        JsonNode workflow = api().deploy(definition(name, eventType, conditions));
        deployed.add(workflow.get("id").asText());
        return workflow.get("id").asText();
    }

    private static ObjectNode definition(String name, String eventType, String conditions) {
        return Json.of("{'name':'" + name + "','trigger':{'type':'event','config':{'event_type':'" + eventType + "'"
                + (conditions == null ? "" : ",'conditions':" + conditions) + "}},'steps':" + STEP + "}");
    }

    private String publish(String type, String data, String eventId) {
        return (eventId == null
                ? api().raw("POST", "/api/events/" + type, "application/json", data)
                : api().raw("POST", "/api/events/" + type, "application/json", data, "Idempotency-Key", eventId))
                .expect(202).json().get("event_id").asText();
    }

    private long executions(String workflowId) {
        return jdbc.sql("SELECT count(*) FROM workflow_executions WHERE workflow_id = ?::uuid").param(workflowId)
                .query(Long.class).single();
    }

    private void awaitExactly(String workflowId, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> executions(workflowId) >= count);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> executions(workflowId) == count);
    }

    @Test
    void runsMatchingWorkflowsOncePerEventAndNotOthers() {
        String won = deploy("Won", "it.opportunity.stage_changed",
                "[{'field':'new_stage','operator':'equals','value':'Closed Won'}]");
        String created = deploy("Created", "it.opportunity.created", null);

        String eventId = publish("it.opportunity.stage_changed", "{\"new_stage\":\"Closed Won\",\"amount\":5}", "ev-1");
        publish("it.opportunity.stage_changed", "{\"new_stage\":\"Closed Won\",\"amount\":5}", "ev-1");
        publish("it.opportunity.stage_changed", "{\"new_stage\":\"Lost\"}", null);
        awaitExactly(won, 1);
        assertThat(executions(created)).isZero();

        JsonNode data = Json.of(jdbc.sql("SELECT trigger_data::text FROM workflow_executions WHERE workflow_id = ?::uuid")
                .param(won).query(String.class).single());
        assertThat(data.get("trigger")).isEqualTo(Json.of("{'type':'event','event':'it.opportunity.stage_changed',"
                + "'event_id':'" + eventId + "','depth':0}"));
        assertThat(data.get("event_data")).isEqualTo(Json.of("{'new_stage':'Closed Won','amount':5}"));
    }

    @Test
    void losesNothingAndDuplicatesNothingAcrossAConsumerRestart() throws Exception {
        String id = deploy("Restart", "it.restart.tick", null);
        publish("it.restart.tick", "{\"n\":0}", "r-0");
        awaitExactly(id, 1);
        String route = "events-" + id;
        camel.getRouteController().stopRoute(route);
        for (int i = 1; i <= 3; i++) {
            publish("it.restart.tick", "{\"n\":" + i + "}", "r-" + i);
        }
        assertThat(executions(id)).isEqualTo(1);
        camel.getRouteController().startRoute(route);
        awaitExactly(id, 4);
        publish("it.restart.tick", "{\"n\":3}", "r-3");
        awaitExactly(id, 4);
    }

    @Test
    void aCompletedWorkflowStartsItsFollower() {
        String first = deploy("First", "it.chain.start", null);
        String follower = deploy("Follower", "workflow.completed",
                "[{'field':'workflow_id','operator':'equals','value':'" + first + "'}]");
        publish("it.chain.start", "{\"x\":1}", null);
        awaitExactly(follower, 1);
        JsonNode data = Json.of(jdbc.sql("SELECT trigger_data::text FROM workflow_executions WHERE workflow_id = ?::uuid")
                .param(follower).query(String.class).single());
        assertThat(data.get("trigger").get("depth").asInt()).isEqualTo(1);
        assertThat(data.get("event_data").get("workflow_id").asText()).isEqualTo(first);
        assertThat(data.get("event_data").get("status").asText()).isEqualTo("completed");
        assertThat(data.get("event_data").get("context").get("step_1").get("x").asInt()).isEqualTo(1);
    }

    @Test
    void aWorkflowThatStartsItselfStopsAtTheDepthLimit() {
        String loop = deploy("Loop", "workflow.completed", "[{'field':'workflow_id','operator':'equals','value':'none'}]");
        api().put("/api/workflows/" + loop, definition("Loop", "workflow.completed",
                "[{'field':'workflow_id','operator':'equals','value':'" + loop + "'}]")).expect(200);
        api().post("/api/workflows/" + loop + "/deploy", null).expect(200);
        api().post("/api/workflows/" + loop + "/execute", Map.of("event_data", Map.of("start", true))).expect(202);
        awaitExactly(loop, 11);
        assertThat(jdbc.sql("SELECT max((trigger_data->'trigger'->>'depth')::int) FROM workflow_executions "
                + "WHERE workflow_id = ?::uuid").param(loop).query(Integer.class).single()).isEqualTo(10);
    }

    @Test
    void refusesAMalformedEventType() {
        api().raw("POST", "/api/events/bad%20type", "application/json", "{}").expect(400);
    }
}
