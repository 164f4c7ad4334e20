package dev.placemat.workflows.app.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Runs;
import dev.placemat.workflows.fixtures.LocalHttpServer.Reply;
import dev.placemat.workflows.fixtures.LocalHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 3: a template that leads nowhere fails the step naming the path and what is there (nothing is
 * sent), unless it gives a default or its field is optional; conditions still read missing fields as missing; and
 * the trigger's data is at {@code trigger_data} whichever way the workflow was started.
 */
class StrictTemplatesIT extends IntegrationTest {

    private static LocalHttpServer http;

    @BeforeAll
    static void start() {
        http = LocalHttpServer.start();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void routes() {
        http.reset();
        http.route("/orders", Reply.of(201, "application/json", "{}"));
    }

    private static JsonNode post(String trigger, String body) {
        return Json.of("{'name':'Orders','trigger':" + trigger + ",'steps':[{'action_type':'http.request','config':"
                + "{'method':'POST','url':'" + http.url("/orders") + "','body':" + body + "},"
                + "'retry_config':{'max_retries':0}}]}");
    }

    @Test
    void aValueThatIsNotThereFailsTheStepNamingThePathAndSendsNothing() {
        JsonNode execution = Runs.byHand(api(), post("{'type':'manual'}", "{'order':'{{trigger_data.order}}'}"),
                Json.of("{'customer':'Ann','total':12}"));

        assertThat(execution.get("status").asText()).isEqualTo("failed");
        assertThat(execution.get("error_message").asText()).isEqualTo("config.body.order: {{trigger_data.order}} "
                + "resolved to nothing: trigger_data has no 'order'; it has: customer, total; check the path, or give "
                + "a default such as {{trigger_data.order | default: \"\"}}");
        assertThat(http.requests("/orders")).isEmpty();
    }

    @Test
    void aDefaultStandsInAndAnOptionalFieldIsLeftOut() {
        JsonNode execution = Runs.byHand(api(), Json.of("{'name':'Defaults','trigger':{'type':'manual'},'steps':[{"
                + "'action_type':'http.request','config':{'method':'POST','url':'" + http.url("/orders") + "',"
                + "'body':{'order':'{{trigger_data.order | default: \\'none\\'}}'},"
                + "'timeout_seconds':'{{trigger_data.timeout}}'}}]}"), Map.of());

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(http.requests("/orders").get(0).body()).isEqualTo("{\"order\":\"none\"}");
        assertThat(execution.get("steps").get(0).get("input").has("timeout_seconds")).isFalse();
    }

    @Test
    void conditionsStillReadAMissingFieldAsMissing() {
        JsonNode execution = Runs.byHand(api(), Json.of("{'name':'Conditions','trigger':{'type':'manual'},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'1'},"
                + "'condition':{'field':'trigger_data.coupon','operator':'exists'}},"
                + "{'action_type':'data.transform','config':{'expression':'2'},"
                + "'condition':{'field':'trigger_data.coupon','operator':'not_exists'}}]}"), Map.of());

        assertThat(execution.get("status").asText()).isEqualTo("completed");
        assertThat(execution.get("steps")).extracting(s -> s.get("step_key").asText(), s -> s.get("status").asText())
                .containsExactly(tuple("1", "skipped"), tuple("2", "completed"));
    }

    @Test
    void theTriggersDataIsAtTriggerDataForWebhooksEventsAndManualRuns() {
        String body = "{'name':'{{trigger_data.name}}','via':'{{trigger.type}}'}";
        JsonNode hook = api().deploy(post("{'type':'webhook','config':{}}", body));
        JsonNode event = api().deploy(post("{'type':'event','config':{'event_type':'it.customer.signed_up'}}", body));

        String byWebhook = anonymous().post(hook.get("webhook_url").asText(), Map.of("name", "Ann")).expect(202)
                .json().get("execution_ids").get(0).asText();
        Executions.awaitEnd(api(), byWebhook);
        Runs.byHand(api(), hook.get("id").asText(), Map.of("name", "Bea"));
        api().post("/api/events/it.customer.signed_up", Map.of("name", "Cai")).expect(202);
        await(() -> http.requests("/orders").size() == 3);

        assertThat(http.requests("/orders")).extracting(LocalHttpServer.Request::body).containsExactlyInAnyOrder(
                "{\"name\":\"Ann\",\"via\":\"webhook\"}", "{\"name\":\"Bea\",\"via\":\"manual\"}",
                "{\"name\":\"Cai\",\"via\":\"event\"}");
        assertThat(event.get("deployed").asBoolean()).isTrue();
    }

    @Test
    void aWebhookWorkflowRunByHandFindsItsDataWhereTheWebhookPutsIt() {
        JsonNode hook = api().deploy(post("{'type':'webhook','config':{}}", "{'name':'{{webhook_data.name}}'}"));

        JsonNode execution = Runs.byHand(api(), hook.get("id").asText(), Map.of("name", "Dee"));

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(http.requests("/orders").get(0).body()).isEqualTo("{\"name\":\"Dee\"}");
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(condition);
    }
}
