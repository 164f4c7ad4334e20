package dev.placemat.workflows.app.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.RawHttp;
import dev.placemat.workflows.app.support.Stub;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookExecutionIT extends IntegrationTest {

    private static WireMockServer crm;

    @BeforeAll
    static void startStub() {
        crm = Stub.start();
        crm.stubFor(post(urlEqualTo("/deals")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"deal_id\":\"D-42\"}")));
    }

    @AfterAll
    static void stopStub() {
        crm.stop();
    }

    private JsonNode threeStepWorkflow() {
        return Json.of("{'name':'Big orders to CRM','trigger':{'type':'webhook','config':{}},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'{`total`: $sum(webhook_data.items.price)}'}},"
                + "{'action_type':'control.condition','config':{'conditions':[{'field':'step_1.total','operator':"
                + "'greater_than','value':100}],'then_actions':[{'action_type':'data.transform','config':"
                + "{'expression':'`big`'}}],'else_actions':[]}},"
                + "{'action_type':'http.request','config':{'method':'POST','url':'http://127.0.0.1:" + crm.port()
                + "/deals','body':{'customer':'{{webhook_data.customer}}','total':'{{step_1.total}}',"
                + "'size':'{{step_2.results[0]}}'}}}]}");
    }

    @Test
    void runsAThreeStepWebhookWorkflowAndRecordsEveryStep() {
        JsonNode workflow = api().deploy(threeStepWorkflow());
        String url = workflow.get("webhook_url").asText();
        assertThat(url).matches("/webhooks/workflow/[A-Za-z0-9_-]{32}");

        JsonNode accepted = anonymous().post(url, Map.of("customer", "Acme", "items",
                List.of(Map.of("price", 80), Map.of("price", 40)))).expect(202).json();
        assertThat(accepted.get("workflows_triggered").asInt()).isEqualTo(1);
        String executionId = accepted.get("execution_ids").get(0).asText();

        JsonNode execution = Executions.awaitEnd(api(), executionId);
        assertThat(execution.get("status").asText()).isEqualTo("completed");
        assertThat(execution.get("workflow_version").asInt()).isEqualTo(1);
        assertThat(execution.get("steps")).extracting(s -> s.get("step_key").asText(), s -> s.get("status").asText())
                .containsExactly(tuple("1", "completed"), tuple("2", "completed"), tuple("2.then.1", "completed"),
                        tuple("3", "completed"));
        JsonNode http = execution.get("steps").get(3);
        assertThat(http.get("input").get("body")).isEqualTo(Json.of("{'customer':'Acme','total':120,'size':'big'}"));
        assertThat(http.get("output").get("status").asInt()).isEqualTo(201);
        assertThat(http.get("output").get("body").get("deal_id").asText()).isEqualTo("D-42");
        crm.verify(postRequestedFor(urlEqualTo("/deals"))
                .withRequestBody(equalToJson("{\"customer\":\"Acme\",\"total\":120,\"size\":\"big\"}")));

        long rows = jdbc.sql("SELECT count(*) FROM step_executions WHERE execution_id = ?::uuid AND step_key NOT LIKE '%.%'")
                .param(executionId).query(Long.class).single();
        assertThat(rows).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM step_executions WHERE execution_id = ?::uuid AND step_id IS NOT NULL "
                + "AND step_key NOT LIKE '%.%'").param(executionId).query(Long.class).single()).isEqualTo(3);
    }

    /**
     * The 202 does not wait for the execution's first steps, though they start on the request's thread once it has
     * answered: here the only step computes until its expression's time limit (1 s) stops it.
     */
    @Test
    void answersBeforeTheFirstStepsRun() {
        JsonNode workflow = api().deploy(Json.of("{'name':'Slow first step','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':"
                + "'($fib := function($n) { $n < 2 ? $n : $fib($n - 1) + $fib($n - 2) }; $fib(40))'}}]}"));

        String executionId = anonymous().post(workflow.get("webhook_url").asText(), Map.of()).expect(202).json()
                .get("execution_ids").get(0).asText();
        Instant answered = Instant.now(); // the platform runs on this JVM: one clock

        JsonNode execution = Executions.awaitEnd(api(), executionId);
        assertThat(execution.get("status").asText()).isEqualTo("failed");
        JsonNode step = execution.get("steps").get(0);
        assertThat(step.get("error").asText()).contains("ran longer than 1000 ms");
        assertThat(answered).as("answered before the step ended")
                .isBefore(Instant.parse(step.get("completed_at").asText()));
    }

    @Test
    void keepsCamelHeadersFromTheRequestAwayFromTheWorkflow() {
        JsonNode workflow = api().deploy(threeStepWorkflow());
        String url = workflow.get("webhook_url").asText() + "?CamelHttpMethod=DELETE&ref=7";
        JsonNode accepted = anonymous().raw("POST", url, "application/json",
                "{\"customer\":\"Evil\",\"items\":[{\"price\":500}]}",
                "CamelHttpUri", "http://127.0.0.1:1/steal", "X-Trace", "t-1").expect(202).json();
        JsonNode execution = Executions.awaitEnd(api(), accepted.get("execution_ids").get(0).asText());

        assertThat(execution.get("status").asText()).isEqualTo("completed");
        JsonNode trigger = execution.get("trigger_data");
        assertThat(trigger.get("headers").has("x-trace")).isTrue();
        assertThat(trigger.get("headers").fieldNames()).toIterable().noneMatch(n -> n.toLowerCase().startsWith("camel"));
        assertThat(trigger.get("query").get("ref").asText()).isEqualTo("7");
        assertThat(trigger.get("query").has("CamelHttpMethod")).isFalse();
        crm.verify(postRequestedFor(urlEqualTo("/deals")).withRequestBody(equalToJson(
                "{\"customer\":\"Evil\",\"total\":500,\"size\":\"big\"}")));
    }

    @Test
    void theWebhookIdComesFromThePathNeverFromAHeader() {
        JsonNode target = api().deploy(threeStepWorkflow());
        String targetId = target.get("webhook_url").asText().replace("/webhooks/workflow/", "");
        JsonNode other = api().deploy(threeStepWorkflow());

        JsonNode accepted = anonymous().raw("POST", other.get("webhook_url").asText(), "application/json",
                "{\"customer\":\"Acme\",\"items\":[]}", "webhookId", targetId).expect(202).json();
        JsonNode execution = Executions.awaitEnd(api(), accepted.get("execution_ids").get(0).asText());

        assertThat(execution.get("workflow_id").asText()).isEqualTo(other.get("id").asText());
        assertThat(execution.get("trigger_data").get("trigger").get("webhook_id").asText())
                .isEqualTo(other.get("webhook_url").asText().replace("/webhooks/workflow/", ""));
        assertThat(execution.get("trigger_data").get("headers").has("webhookid")).isFalse();
    }

    @Test
    void answers404ForAnUnknownWebhookAnd405ForOtherMethods() {
        JsonNode problem = anonymous().post("/webhooks/workflow/no-such-webhook-id-000000", "{}").expect(404).json();
        assertThat(problem.get("detail").asText()).contains("No workflow is deployed under this webhook");
        String url = api().deploy(threeStepWorkflow()).get("webhook_url").asText();
        anonymous().get(url).expect(405);
    }

    @Test
    void rejectsMalformedJsonWithoutStartingAnything() {
        JsonNode workflow = api().deploy(threeStepWorkflow());
        long before = jdbc.sql("SELECT count(*) FROM workflow_executions").query(Long.class).single();
        JsonNode problem = anonymous().raw("POST", workflow.get("webhook_url").asText(), "application/json",
                "{\"customer\": ").expect(400).json();
        assertThat(problem.get("detail").asText()).contains("not valid JSON");
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_executions").query(Long.class).single()).isEqualTo(before);
    }

    /**
     * A sender that keeps its connection open keeps it: Tomcat's default (100 requests a connection) closed it after
     * every hundredth answer, and the next request paid a new connection (bench/README.md, nineteenth session).
     */
    @Test
    void keepsASendersConnectionOpenPastAHundredRequests() throws Exception {
        String url = api().deploy(Json.of("{'name':'Many on one connection','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]}")).get("webhook_url")
                .asText();
        byte[] request = RawHttp.post("HTTP/1.1", port, url, "{}".getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 1; i <= 150; i++) {
                socket.getOutputStream().write(request);
                Api.Answer answer = RawHttp.read(in).expect(202);
                assertThat(answer.header("Connection")).as("answer %d", i).isNotEqualToIgnoringCase("close");
            }
        }
    }
}
