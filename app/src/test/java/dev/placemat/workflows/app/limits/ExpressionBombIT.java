package dev.placemat.workflows.app.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expressions that would take a core for minutes (issue 11): the step fails within its timeout with an error that
 * names the limit, and no thread is left evaluating afterwards, so that the next execution runs as usual.
 */
class ExpressionBombIT extends IntegrationTest {

    private static final int STEP_TIMEOUT_SECONDS = 10;

    private String start(String expression) {
        Map<String, Object> step = Map.of("action_type", "data.transform", "config", Map.of("expression", expression),
                "timeout_seconds", STEP_TIMEOUT_SECONDS, "retry_config", Map.of("max_retries", 0));
        JsonNode workflow = api().deploy(Map.of("name", "bomb", "trigger", Map.of("type", "manual"),
                "steps", java.util.List.of(step)));
        return api().post("/api/workflows/" + workflow.get("id").asText() + "/execute", Map.of())
                .expect(202).json().get("execution_id").asText();
    }

    private JsonNode failedStep(String expression) {
        JsonNode execution = Executions.awaitEnd(api(), start(expression), Duration.ofSeconds(STEP_TIMEOUT_SECONDS));
        assertThat(execution.get("status").asText()).isEqualTo("failed");
        JsonNode step = execution.get("steps").get(0);
        assertThat(step.get("status").asText()).isEqualTo("failed");
        assertThat(step.get("duration_ms").asLong()).isLessThan(STEP_TIMEOUT_SECONDS * 1000L);
        return step;
    }

    @Test
    void aPadBombFailsAtOnceNamingTheSizeLimit() {
        JsonNode step = failedStep("$pad(\"\", 100000000)");
        assertThat(step.get("error").asText())
                .isEqualTo("the expression made a string of 100000000 characters; at most 1000000 are allowed");
        assertNoThreadIsStillEvaluating();
    }

    @Test
    void aCpuBombFailsWithATimeoutNamingTheLimitAndReleasesTheCore() {
        JsonNode step = failedStep("($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) + $f($n - 1) }; $f(25))");
        assertThat(step.get("error").asText()).startsWith("timeout: the expression ran longer than 1000 ms");
        assertNoThreadIsStillEvaluating();
        JsonNode next = Executions.awaitEnd(api(), start("$sum([1..100])"), Duration.ofSeconds(STEP_TIMEOUT_SECONDS));
        assertThat(next.get("status").asText()).isEqualTo("completed");
        assertThat(next.get("steps").get(0).get("output").asInt()).isEqualTo(5050);
    }

    @Test
    void aReplaceLoopAndARangeBombFailToo() {
        assertThat(failedStep("$replace(\"aaaaaaaaaa\", \"a\", \"a\", 2147483647) & $pad(\"\", 2000000)")
                .get("error").asText()).contains("at most 1000000");
        assertThat(failedStep("$count([1..10000000].($ + 1))").get("error").asText()).contains("at most 100000");
        assertNoThreadIsStillEvaluating();
    }

    /** The CPU is released: no thread of the platform has JSONata on its stack once the step has failed. */
    private static void assertNoThreadIsStillEvaluating() {
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().entrySet())
                .as("threads evaluating JSONata").noneMatch(t -> Arrays.stream(t.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("com.dashjoin.jsonata"))));
    }
}
