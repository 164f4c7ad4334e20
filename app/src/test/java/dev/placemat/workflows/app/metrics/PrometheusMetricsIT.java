package dev.placemat.workflows.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.compiler.NodeIds;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workflow meters. Spring Boot tests leave the Prometheus registry out (only a simple registry runs), so this
 * checks the meters themselves; the browser test ({@code DesignerBrowserIT}) reads /actuator/prometheus on the jar.
 */
class PrometheusMetricsIT extends IntegrationTest {

    @Autowired
    private MeterRegistry registry;

    @Test
    void metricsNeedAnAdmin() {
        anonymous().get("/actuator/prometheus").expect(401);
        anonymous().get("/actuator/metrics").expect(401);
        api().get("/actuator/metrics").expect(200);
    }

    @Test
    void countsExecutionsAndTimesStepsAndRoutesWithBoundedTags() {
        JsonNode workflow = api().deploy(Json.of("{'name':'Measured','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'webhook_data.secret'}}]}"));
        String id = workflow.get("id").asText();
        String secret = "private-" + UUID.randomUUID();
        double webhookAnswers = webhookAnswers();
        String executionId = anonymous().post(workflow.get("webhook_url").asText(), Map.of("secret", secret))
                .expect(202).json().get("execution_ids").get(0).asText();
        assertThat(Executions.awaitEnd(api(), executionId).get("status").asText()).isEqualTo("completed");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(registry.find(ExecutionMetrics.EXECUTIONS).tags("workflow_id", id, "status", "completed")
                    .counter()).isNotNull().extracting(c -> c.count()).isEqualTo(1.0);
            assertThat(registry.find(ExecutionMetrics.EXECUTION_DURATION).tags("workflow_id", id).timer())
                    .isNotNull().extracting(t -> t.count()).isEqualTo(1L);
            assertThat(registry.find(ExecutionMetrics.STEP_DURATION).tags("workflow_id", id,
                    "action_type", "data.transform", "status", "completed").timer())
                    .isNotNull().extracting(t -> t.count()).isEqualTo(1L);
        });
        assertThat(registry.getMeters()).anySatisfy(meter -> {
            assertThat(meter.getId().getName()).startsWith("camel.exchanges");
            assertThat(meter.getId().getTag("routeId")).isEqualTo("Measured (v1)");
        });
        // the webhook's answer is measured by http.server.requests, not by a timer of the route all webhooks share
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(webhookAnswers()).isGreaterThan(webhookAnswers));
        assertThat(registry.getMeters()).noneSatisfy(meter ->
                assertThat(meter.getId().getTag("routeId")).isEqualTo(NodeIds.WEBHOOK_ROUTE));
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(secret);
            }
        }
    }

    /** Webhook requests answered 202, as http.server.requests counts them. */
    private double webhookAnswers() {
        return registry.find("http.server.requests").tag("status", "202").timers().stream()
                .filter(timer -> String.valueOf(timer.getId().getTag("uri")).startsWith("/webhooks/"))
                .mapToDouble(Timer::count).sum();
    }
}
