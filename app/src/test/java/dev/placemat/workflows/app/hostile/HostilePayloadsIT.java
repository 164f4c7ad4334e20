package dev.placemat.workflows.app.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Stub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The peers' vulnerability history replayed: expression and placeholder injection through definitions and trigger
 * data, Camel control headers from webhooks, SQL through parameters, and SSRF to internal addresses and through
 * redirects. A canary file and a canary table must stay untouched and never appear in any output.
 */
class HostilePayloadsIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY_TEXT = "CANARY-7f3a9c-do-not-leak";
    private static final List<String> PAYLOADS = List.of("T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')",
            "${T(java.lang.System).getenv('HOME')}", "#{systemProperties['user.home']}", "$simple{sys.user.home}",
            "${sys:user.home}", "{{env:HOME}}", "{{sys:user.home}}", "{{file:CANARY}}", "{{ {{env:HOME}} }}",
            "{{webhook_data.{{env:HOME}}}}", "{{bean:camelContext.stop}}", "${header.CamelHttpUri}",
            "{{?env:HOME}}", "{{execution.id}}{{env:PATH}}");

    private static WireMockServer allowed;
    private static WireMockServer forbidden;
    private static Path canary;
    private static FileTime canaryTime;

    @BeforeAll
    static void start() throws Exception {
        allowed = Stub.start();
        allowed.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")
                .withHeader("Content-Type", "application/json")));
        forbidden = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.2").dynamicPort());
        forbidden.start();
        forbidden.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("internal secret")));
        allowed.stubFor(post(urlPathEqualTo("/redirect")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.2:" + forbidden.port() + "/latest/meta-data")));
        canary = Files.createTempFile("placemat-canary-", ".txt");
        Files.writeString(canary, CANARY_TEXT);
        canaryTime = Files.getLastModifiedTime(canary);
    }

    @AfterAll
    static void stop() throws Exception {
        allowed.stop();
        forbidden.stop();
        assertThat(Files.readString(canary)).isEqualTo(CANARY_TEXT);
        assertThat(Files.getLastModifiedTime(canary)).isEqualTo(canaryTime);
        assertThat(Path.of("/tmp/pwned")).doesNotExist();
        Files.delete(canary);
    }

    private static String payload(String p) {
        return p.replace("CANARY", canary.toString());
    }

    private static Map<String, Object> httpWorkflow(String url, Object body) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("method", "POST");
        config.put("url", url);
        config.put("body", body);
        return Map.of("name", "hostile", "trigger", Map.of("type", "webhook", "config", Map.of()),
                "steps", List.of(Map.of("action_type", "http.request", "config", config)));
    }

    private void assertNoSecretsIn(String text) {
        assertThat(text).doesNotContain(CANARY_TEXT, System.getProperty("user.home") + "\"",
                "root:x:0:0", System.getenv().getOrDefault("PATH", "\u0000"));
    }

    @Test
    void definitionPayloadsAreRefusedOrStayPlainData() throws Exception {
        for (String raw : PAYLOADS) {
            String p = payload(raw);
            Map<String, Object> definition = httpWorkflow("http://127.0.0.1:" + allowed.port() + "/def",
                    Map.of("value", p, "nested", Map.of("deeper", List.of(p))));
            Api.Answer created = api().post("/api/workflows", definition);
            assertThat(created.status()).as(p).isIn(201, 422);
            assertNoSecretsIn(created.text());
            if (created.status() == 422) {
                assertThat(created.json().get("errors").get(0).get("path").asText()).startsWith("steps[0].config");
                continue;
            }
            String id = created.json().get("id").asText();
            String url = api().post("/api/workflows/" + id + "/deploy", null).expect(200).json().get("webhook_url").asText();
            JsonNode execution = run(url, Map.of());
            assertNoSecretsIn(execution.toString());
        }
        for (LoggedRequest request : allowed.findAll(anyRequestedFor(urlPathEqualTo("/def")))) {
            assertNoSecretsIn(request.getBodyAsString());
        }
    }

    @Test
    void triggerDataIsNeverRenderedAgain() throws Exception {
        Map<String, Object> definition = httpWorkflow("http://127.0.0.1:" + allowed.port() + "/echo/{{webhook_data.path}}",
                Map.of("value", "{{webhook_data.value}}", "text", "got {{webhook_data.value}}"));
        String url = api().deploy(definition).get("webhook_url").asText();
        for (String raw : PAYLOADS) {
            String p = payload(raw);
            JsonNode execution = run(url, Map.of("value", p, "path", p));
            assertNoSecretsIn(execution.toString());
            JsonNode input = execution.get("steps").get(0).get("input");
            assertThat(input.get("body").get("value").asText()).isEqualTo(p);
            assertThat(input.get("body").get("text").asText()).isEqualTo("got " + p);
        }
        for (LoggedRequest request : allowed.findAll(anyRequestedFor(anyUrl()))) {
            assertNoSecretsIn(request.getUrl() + request.getBodyAsString());
        }
    }

    @Test
    void camelHeadersFromWebhooksNeverReachTheProducer() throws Exception {
        Map<String, Object> definition = httpWorkflow("http://127.0.0.1:" + allowed.port() + "/headers",
                Map.of("q", "{{query}}", "h", "{{headers}}"));
        String url = api().deploy(definition).get("webhook_url").asText();
        String evil = "http://127.0.0.2:" + forbidden.port() + "/steal";
        String query = "?CamelHttpUri=" + evil + "&CamelHttpMethod=DELETE&camelhttppath=/x&org.apache.camel.Foo=1";
        String accepted = anonymous().raw("POST", url + query, "application/x-www-form-urlencoded",
                "CamelHttpUri=" + evil + "&CamelHttpMethod=PUT&field=1", "CamelHttpUri", evil, "CamelHttpMethod", "GET",
                "CAMELHTTPQUERY", "a=b", "org.apache.camel.Exchange", "x").expect(202).text();
        Executions.awaitEnd(api(), JSON.readTree(accepted).get("execution_ids").get(0).asText());
        List<LoggedRequest> requests = allowed.findAll(anyRequestedFor(urlPathEqualTo("/headers")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/headers");
        assertThat(request.getHeaders().keys()).noneMatch(h -> h.toLowerCase().startsWith("camel")
                || h.toLowerCase().startsWith("org.apache.camel"));
        assertThat(request.getBodyAsString()).doesNotContainIgnoringCase("camelhttp");
        assertThat(forbidden.getAllServeEvents()).isEmpty();
    }

    @Test
    void outboundRequestsToUnlistedInternalAddressesAreRefusedEvenAfterARedirect() throws Exception {
        String internal = "127.0.0.2:" + forbidden.port();
        Api.Answer saved = api().post("/api/workflows", httpWorkflow("http://" + internal + "/direct", Map.of()));
        assertThat(saved.status()).as(saved.text()).isEqualTo(422);
        assertThat(saved.json().get("errors").get(0).get("path").asText()).isEqualTo("steps[0].config.url");
        assertThat(saved.json().get("errors").get(0).get("code").asText()).isEqualTo("address_refused");
        for (String target : List.of("http://{{webhook_data.host}}/direct",
                "http://127.0.0.1:" + allowed.port() + "/redirect")) {
            String url = api().deploy(httpWorkflow(target, Map.of())).get("webhook_url").asText();
            JsonNode execution = run(url, Map.of("host", internal));
            assertThat(execution.get("status").asText()).isEqualTo("failed");
            assertThat(execution.toString()).contains("internal address").doesNotContain("internal secret");
        }
        assertThat(forbidden.getAllServeEvents()).isEmpty();
    }

    @Test
    void sqlInParametersAndFiltersNeverRunsAndTheCanaryTableStays() throws Exception {
        jdbc.sql("CREATE TABLE IF NOT EXISTS canary_rows (v TEXT)").update();
        jdbc.sql("INSERT INTO canary_rows VALUES ('alive')").update();
        String sql = "x'); DROP TABLE canary_rows; --";
        api().get("/api/executions?status=" + enc(sql)).expect(400);
        api().get("/api/executions?workflow_id=" + enc(sql)).expect(400);
        api().get("/api/audit?actor=" + enc(sql)).expect(200);
        api().get("/api/audit?action=" + enc("' OR '1'='1")).expect(200);
        Map<String, Object> definition = httpWorkflow("http://127.0.0.1:" + allowed.port() + "/sql", Map.of("v", sql));
        JsonNode created = api().post("/api/workflows", Map.of("name", sql, "trigger", definition.get("trigger"),
                "steps", definition.get("steps"))).expect(201).json();
        assertThat(created.get("name").asText()).isEqualTo(sql);
        String url = api().post("/api/workflows/" + created.get("id").asText() + "/deploy", null).expect(200).json()
                .get("webhook_url").asText();
        run(url, Map.of("name", sql));
        assertThat(jdbc.sql("SELECT count(*) FROM canary_rows").query(Long.class).single()).isPositive();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode run(String webhookUrl, Map<String, Object> data) throws Exception {
        String accepted = anonymous().post(webhookUrl, data).expect(202).text();
        return Executions.awaitEnd(api(), JSON.readTree(accepted).get("execution_ids").get(0).asText());
    }
}
