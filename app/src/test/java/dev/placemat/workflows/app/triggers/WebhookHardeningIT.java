package dev.placemat.workflows.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as a hostile or merely unusual sender meets them: gzip bodies are decoded within the size limit (a bomb
 * answers 413 without inflating), other encodings and unknown charsets answer 415, known charsets are decoded, never
 * a 500; a signed webhook that refuses replays accepts a signed request once; a webhook's own rate limit answers 429
 * with Retry-After, and an out-of-range limit is refused when the workflow is saved.
 */
class WebhookHardeningIT extends IntegrationTest {

    private static final String SECRET = "hardening-secret-5c1e";
    private static final String ECHO = "[{'action_type':'data.transform','config':{'expression':'webhook_data.name'}}]";

    private String webhook(String config) {
        return api().deploy(Json.of("{'name':'Hardened','trigger':{'type':'webhook','config':" + config + "},"
                + "'steps':" + ECHO + "}")).get("webhook_url").asText();
    }

    private JsonNode webhookData(Api.Answer accepted) {
        String id = accepted.expect(202).json().get("execution_ids").get(0).asText();
        JsonNode execution = Executions.awaitEnd(api(), id);
        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        return execution.get("trigger_data").get("webhook_data");
    }

    @Test
    void decodesGzipWithinTheSizeLimitAndRefusesOtherEncodings() throws IOException {
        String url = webhook("{}");
        Api caller = anonymous();
        JsonNode data = webhookData(caller.rawBytes("POST", url, "application/json",
                gzip("{\"name\":\"zipped\"}".getBytes(StandardCharsets.UTF_8)), "Content-Encoding", "gzip"));
        assertThat(data.get("name").asText()).isEqualTo("zipped");

        byte[] bomb = gzip(("{\"name\":\"" + "A".repeat(16 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).as("a small request").isLessThan(1024 * 1024);
        Api.Answer refused = caller.rawBytes("POST", url, "application/json", bomb, "Content-Encoding", "gzip");
        assertThat(refused.status()).as(refused.text()).isEqualTo(413);
        assertThat(refused.json().get("errors").get(0).get("path").asText()).isEqualTo("webhook_data");

        for (String encoding : new String[] {"br", "deflate", "compress", "gzip, br", "zstd"}) {
            Api.Answer answer = caller.rawBytes("POST", url, "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                    "Content-Encoding", encoding);
            assertThat(answer.status()).as(encoding + ": " + answer.text()).isEqualTo(415);
            assertThat(answer.header("Accept-Encoding")).isEqualTo("gzip");
        }
        caller.rawBytes("POST", url, "application/json", "not gzip at all".getBytes(StandardCharsets.UTF_8),
                "Content-Encoding", "gzip").expect(400);
    }

    @Test
    void decodesTheCharsetsJavaKnowsAndRefusesOthers() {
        String url = webhook("{}");
        Api caller = anonymous();
        for (String charset : new String[] {"ISO-8859-1", "UTF-16", "UTF-16LE", "windows-1252", "utf-8"}) {
            byte[] body = "{\"name\":\"Café Zoë\"}".getBytes(Charset.forName(charset));
            JsonNode data = webhookData(caller.rawBytes("POST", url, "application/json; charset=" + charset, body));
            assertThat(data.get("name").asText()).as(charset).isEqualTo("Café Zoë");
        }
        byte[] form = "name=Caf%E9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(webhookData(caller.rawBytes("POST", url, "application/x-www-form-urlencoded; charset=ISO-8859-1",
                form)).get("name").asText()).isEqualTo("Café");
        assertThat(webhookData(caller.rawBytes("POST", url, "text/plain; charset=\"ISO-8859-1\"",
                "Zoë".getBytes(StandardCharsets.ISO_8859_1))).asText()).isEqualTo("Zoë");

        for (String charset : new String[] {"x-klingon", "", "utf-9", "../../etc/passwd"}) {
            Api.Answer answer = caller.rawBytes("POST", url, "application/json; charset=" + charset,
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as("charset " + charset + ": " + answer.text()).isEqualTo(415);
            assertThat(answer.json().get("errors").get(0).get("path").asText()).isEqualTo("webhook_data");
        }
    }

    @Test
    void aWebhookThatRefusesReplaysAcceptsASignedRequestOnce() throws Exception {
        String url = webhook("{'secret':'" + SECRET + "','refuse_replays':true}");
        String body = "{\"name\":\"once\"}";
        long now = Instant.now().getEpochSecond();
        String[] signed = {"X-Webhook-Timestamp", String.valueOf(now), "X-Webhook-Signature", sign(now, body)};
        Api caller = anonymous();

        webhookData(caller.raw("POST", url, "application/json", body, signed));
        Api.Answer replayed = caller.raw("POST", url, "application/json", body, signed);
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(409);
        assertThat(replayed.json().get("errors").get(0).get("path").asText()).isEqualTo("X-Webhook-Signature");
        caller.raw("POST", url, "application/json", body, "X-Webhook-Timestamp", String.valueOf(now + 1),
                "X-Webhook-Signature", sign(now + 1, body)).expect(202);

        String tolerant = webhook("{'secret':'" + SECRET + "'}");
        caller.raw("POST", tolerant, "application/json", body, signed).expect(202);
        caller.raw("POST", tolerant, "application/json", body, signed).expect(202);
    }

    @Test
    void aWebhooksRateLimitAnswers429WithRetryAfter() {
        String url = webhook("{'rate_limit_per_minute':3}");
        Api caller = anonymous();
        for (int i = 0; i < 3; i++) {
            caller.post(url, "{}").expect(202);
        }
        Api.Answer limited = caller.post(url, "{}");
        assertThat(limited.status()).as(limited.text()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.json().get("detail").asText()).contains("3 requests a minute");
    }

    @Test
    void anOutOfRangeRateLimitIsRefusedWhenSaved() {
        for (String limit : new String[] {"0", "-5", "600001", "'many'"}) {
            JsonNode refused = api().post("/api/workflows", Json.of("{'name':'Limited','trigger':{'type':'webhook',"
                    + "'config':{'rate_limit_per_minute':" + limit + "}},'steps':" + ECHO + "}")).expect(422).json();
            assertThat(refused.get("errors")).as(limit).anyMatch(e -> e.get("path").asText()
                    .equals("trigger.config.rate_limit_per_minute"));
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static String sign(long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
