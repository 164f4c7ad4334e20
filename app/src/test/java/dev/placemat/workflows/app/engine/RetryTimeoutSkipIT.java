package dev.placemat.workflows.app.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Stub;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RetryTimeoutSkipIT extends IntegrationTest {

    private static WireMockServer service;

    @BeforeAll
    static void startStub() {
        service = Stub.start();
        service.stubFor(get(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        service.stubFor(get(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        service.stubFor(get(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        service.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        service.stubFor(get(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404)));
    }

    @AfterAll
    static void stopStub() {
        service.stop();
    }

    /** Runs a workflow of these steps with {@code {"n": 3}} and returns its execution once it ended with {@code status}. */
    private JsonNode runUntilEnded(String steps, String status) {
        JsonNode workflow = api().deploy(Json.of("{'name':'r','trigger':{'type':'manual'},'steps':" + steps + "}"));
        String id = api().post("/api/workflows/" + workflow.get("id").asText() + "/execute", Map.of("n", 3))
                .expect(202).json().get("execution_id").asText();
        JsonNode execution = Executions.awaitEnd(api(), id);
        assertThat(execution.get("status").asText()).isEqualTo(status);
        return execution;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + service.port() + path;
    }

    @Test
    void retriesAFailingStepWithExponentialBackoffThenSucceeds() {
        JsonNode execution = runUntilEnded("[{'action_type':'http.request','config':{'url':'" + url("/flaky") + "'},"
                + "'retry_config':{'max_retries':3,'retry_delay':200,'backoff_multiplier':2}}]", "completed");

        List<Map<String, Object>> rows = jdbc.sql("SELECT status, retry_count, started_at, completed_at, error_message "
                + "FROM step_executions WHERE execution_id = ?::uuid ORDER BY retry_count")
                .param(execution.get("id").asText()).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("status"), r -> r.get("retry_count"))
                .containsExactly(tuple("failed", 0), tuple("failed", 1), tuple("completed", 2));
        assertThat((String) rows.get(0).get("error_message")).startsWith("HTTP 503 Service Unavailable from 127.0.0.1");
        assertThat(gap(rows.get(0), rows.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(gap(rows.get(1), rows.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        service.verify(3, getRequestedFor(urlEqualTo("/flaky")));
    }

    private static Duration gap(Map<String, Object> before, Map<String, Object> after) {
        return Duration.between(((Timestamp) before.get("completed_at")).toInstant(),
                ((Timestamp) after.get("started_at")).toInstant());
    }

    @Test
    void doesNotRetryA4xx() {
        JsonNode execution = runUntilEnded("[{'action_type':'http.request','config':{'url':'" + url("/missing") + "'},"
                + "'retry_config':{'max_retries':3,'retry_delay':10}}]", "failed");
        assertThat(execution.get("error_message").asText()).startsWith("HTTP 404 Not Found from 127.0.0.1");
        assertThat(execution.get("steps")).hasSize(1);
    }

    @Test
    void recordsAStepWhoseConditionIsFalseAsSkipped() {
        JsonNode execution = runUntilEnded("[{'action_type':'data.transform','config':{'expression':'n * 2'}},"
                + "{'action_type':'data.transform','condition':{'field':'step_1','operator':'greater_than','value':10},"
                + "'config':{'expression':'`never`'}},{'action_type':'data.transform','config':{'expression':'step_1'}}]", "completed");
        assertThat(execution.get("steps")).extracting(s -> s.get("step_key").asText(), s -> s.get("status").asText())
                .containsExactly(tuple("1", "completed"), tuple("2", "skipped"), tuple("3", "completed"));
        assertThat(execution.get("execution_data").get("step_3").asInt()).isEqualTo(6);
    }

    @Test
    void failsAStepThatRunsLongerThanItsTimeout() {
        JsonNode execution = runUntilEnded("[{'action_type':'http.request','config':{'url':'" + url("/slow") + "'},"
                + "'timeout_seconds':1,'retry_config':{'max_retries':0}}]", "failed");
        JsonNode step = execution.get("steps").get(0);
        assertThat(step.get("status").asText()).isEqualTo("failed");
        assertThat(step.get("error").asText()).contains("step 1 timed out after 1 s (timeout_seconds)");
        assertThat(step.get("duration_ms").asLong()).isLessThan(3000);
    }
}
