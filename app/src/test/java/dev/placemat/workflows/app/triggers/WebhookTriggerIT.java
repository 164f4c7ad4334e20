package dev.placemat.workflows.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookTriggerIT extends IntegrationTest {

    private static final String SECRET = "it-signing-secret-7f3a";

    private static ObjectNode webhook(String config, String steps) {
        return Json.of("{'name':'Signed','trigger':{'type':'webhook','config':" + config + "},'steps':" + steps + "}");
    }

    private static final String ECHO = "[{'action_type':'data.transform','config':{'expression':'webhook_data.n * 2'}}]";

    private static String sign(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private long executions(String workflowId) {
        return jdbc.sql("SELECT count(*) FROM workflow_executions WHERE workflow_id = ?::uuid").param(workflowId)
                .query(Long.class).single();
    }

    @Test
    void acceptsOnlyFreshCorrectSignaturesAndNeverShowsTheSecret() throws Exception {
        JsonNode workflow = api().deploy(webhook("{'secret':'" + SECRET + "'}", ECHO));
        String id = workflow.get("id").asText();
        String url = workflow.get("webhook_url").asText();
        assertThat(workflow.get("trigger").get("config").has("secret")).isFalse();
        assertThat(workflow.get("webhook_secret_set").asBoolean()).isTrue();
        String body = "{\"n\":21}";
        long now = Instant.now().getEpochSecond();
        Api caller = anonymous();

        caller.raw("POST", url, "application/json", body).expect(401);
        caller.raw("POST", url, "application/json", body, "X-Webhook-Timestamp", String.valueOf(now),
                "X-Webhook-Signature", sign("wrong-secret", now, body)).expect(401);
        caller.raw("POST", url, "application/json", body, "X-Webhook-Timestamp", String.valueOf(now - 600),
                "X-Webhook-Signature", sign(SECRET, now - 600, body)).expect(401);
        caller.raw("POST", url, "application/json", "{\"n\":22}", "X-Webhook-Timestamp", String.valueOf(now),
                "X-Webhook-Signature", sign(SECRET, now, body)).expect(401);
        assertThat(executions(id)).isZero();

        JsonNode accepted = caller.raw("POST", url, "application/json", body, "X-Webhook-Timestamp",
                String.valueOf(now), "X-Webhook-Signature", sign(SECRET, now, body)).expect(202).json();
        JsonNode execution = Executions.awaitEnd(api(), accepted.get("execution_ids").get(0).asText());
        assertThat(execution.get("steps").get(0).get("output").asInt()).isEqualTo(42);
        assertThat(execution.get("trigger_data").get("headers").has("x-webhook-signature")).isFalse();

        // A new version that leaves the secret out keeps it; it is stored sealed, never in plain text.
        ObjectNode changed = webhook("{}", ECHO);
        api().put("/api/workflows/" + id, changed).expect(200);
        api().post("/api/workflows/" + id + "/deploy", null).expect(200);
        caller.raw("POST", url, "application/json", body).expect(401);
        assertThat(jdbc.sql("SELECT count(*) FROM workflows w JOIN workflow_versions v ON v.workflow_id = w.id "
                        + "WHERE w.id = ?::uuid AND (w.trigger_config::text LIKE ? OR v.definition::text LIKE ?)")
                .params(id, "%" + SECRET + "%", "%" + SECRET + "%").query(Long.class).single()).isZero();
        assertThat(api().get("/api/workflows/" + id).expect(200).text()).doesNotContain("v1:").doesNotContain(SECRET);
        api().post("/api/workflows/" + id + "/undeploy", null).expect(200);
    }

    @Test
    void readsTheSignatureFromTheHeadersAWorkflowNames() throws Exception {
        JsonNode workflow = api().deploy(webhook("{'secret':'" + SECRET + "','signature_header':'X-Sig',"
                + "'timestamp_header':'X-Sig-Time'}", ECHO));
        String body = "{\"n\":1}";
        long now = Instant.now().getEpochSecond();
        anonymous().raw("POST", workflow.get("webhook_url").asText(), "application/json", body,
                "X-Sig-Time", String.valueOf(now), "X-Sig", sign(SECRET, now, body)).expect(202);
        api().post("/api/workflows/" + workflow.get("id").asText() + "/undeploy", null).expect(200);
    }

    /** A key belongs to the first request accepted with it (a refused one claims none); a replay gets its answer. */
    @Test
    void answersAReplayedIdempotencyKeyWithTheFirstAcceptedRequestsExecutions() {
        JsonNode workflow = api().deploy(webhook("{}", ECHO));
        String url = workflow.get("webhook_url").asText();
        String key = UUID.randomUUID().toString();
        JsonNode refused = anonymous().raw("POST", url, "application/json", "{\"n\":", "Idempotency-Key", key)
                .expect(400).json();
        assertThat(refused.get("detail").asText()).startsWith("The body is not valid JSON");
        JsonNode first = anonymous().raw("POST", url, "application/json", "{\"n\":1}", "Idempotency-Key", key)
                .expect(202).json();
        JsonNode again = anonymous().raw("POST", url, "application/json", "{\"n\":1}", "Idempotency-Key", key)
                .expect(202).json();
        assertThat(again).isEqualTo(first);
        anonymous().raw("POST", url, "application/json", "{\"n\":1}", "Idempotency-Key", "another-" + key).expect(202);
        Executions.awaitEnd(api(), first.get("execution_ids").get(0).asText());
        assertThat(executions(workflow.get("id").asText())).isEqualTo(2);
        api().post("/api/workflows/" + workflow.get("id").asText() + "/undeploy", null).expect(200);
    }

    @Test
    void refusesANumberNoOneMeansAsAValueNamingWhereItIs() {
        JsonNode workflow = api().deploy(webhook("{}", ECHO));
        String url = workflow.get("webhook_url").asText();
        for (String huge : new String[] {"1e999999", "1e-999999"}) {
            JsonNode refused = anonymous().raw("POST", url, "application/json", "{\"order\":{\"items\":[1," + huge
                    + "]}}").expect(400).json();
            assertThat(refused.get("errors").get(0).get("path").asText()).isEqualTo("webhook_data.order.items[1]");
            assertThat(refused.get("detail").asText()).contains("send such a value as a string");
        }
        anonymous().raw("POST", url, "application/json", "{\"n\":1e300}").expect(202);
        api().post("/api/workflows/" + workflow.get("id").asText() + "/undeploy", null).expect(200);
    }

    @Test
    void answersSyncWebhooksWithTheResultOrWith202WhenTheyTakeLonger() {
        JsonNode sync = api().deploy(webhook("{'response_mode':'sync'}", ECHO));
        JsonNode answer = anonymous().raw("POST", sync.get("webhook_url").asText(), "application/json", "{\"n\":5}")
                .expect(200).json();
        assertThat(answer.get("success").asBoolean()).isTrue();
        assertThat(answer.get("results").get(0).get("status").asText()).isEqualTo("completed");
        assertThat(answer.get("results").get(0).get("output").asInt()).isEqualTo(10);
        assertThat(answer.get("results").get(0).get("context").get("step_1").asInt()).isEqualTo(10);

        JsonNode slow = api().deploy(webhook("{'response_mode':'sync','sync_timeout_seconds':1}",
                "[{'action_type':'control.wait','config':{'duration_seconds':3}}]"));
        JsonNode late = anonymous().raw("POST", slow.get("webhook_url").asText(), "application/json", "{}")
                .expect(202).json();
        assertThat(late.get("execution_ids")).hasSize(1);

        JsonNode async = api().deploy(webhook("{'response_mode':'async'}", ECHO));
        anonymous().raw("POST", async.get("webhook_url").asText(), "application/json", "{\"n\":5}").expect(202);
        for (JsonNode w : new JsonNode[] {sync, slow, async}) {
            api().post("/api/workflows/" + w.get("id").asText() + "/undeploy", null).expect(200);
        }
    }
}
