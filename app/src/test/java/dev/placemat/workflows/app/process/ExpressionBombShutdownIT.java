package dev.placemat.workflows.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged platform with expressions that would take a core for minutes (issue 11): the step fails within its
 * timeout, and the platform stops within 30 s of a SIGTERM while more of them run. Its execution budgets are lowered
 * (50 step attempts, 4 KB of step outputs) to show that they stop at run time what a save cannot see.
 */
class ExpressionBombShutdownIT extends IntegrationTest {

    private static final int STEP_TIMEOUT_SECONDS = 10;

    private static JsonNode bomb(String expression) {
        return Json.of("{'name':'bomb','trigger':{'type':'webhook','config':{}},'steps':[{'action_type':"
                + "'data.transform','timeout_seconds':" + STEP_TIMEOUT_SECONDS + ",'retry_config':{'max_retries':0},"
                + "'config':{'expression':'" + expression + "'}}]}");
    }

    /**
     * A loop of 40 items with two steps in it passes the save-time check (each step runs 40 times) and is stopped at
     * its 51st attempt; three outputs of 2,000 characters pass the 4 KB output budget at the third.
     */
    private static void stopsExecutionsPastTheirBudgets(PlatformProcess platform) {
        Api api = platform.api();
        String loop = api.deploy(Json.of("{'name':'long loop','trigger':{'type':'webhook','config':{}},'steps':[{"
                + "'action_type':'control.loop','config':{'items_field':'webhook_data.items','max_iterations':40,'loop_actions':["
                + "{'action_type':'data.transform','config':{'expression':'loop.item'}},"
                + "{'action_type':'data.transform','config':{'expression':'loop.item * 2'}}]}}]}"))
                .get("webhook_url").asText();
        String items = java.util.stream.IntStream.range(0, 40).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        JsonNode looped = Executions.awaitEnd(api, platform.anonymous().post(loop, "{\"items\":[" + items + "]}")
                .expect(202).json().get("execution_ids").get(0).asText(), Duration.ofSeconds(30));
        assertThat(looped.get("status").asText()).isEqualTo("failed");
        assertThat(looped.get("error_message").asText()).contains("made 50 step attempts, its budget");
        String big = "{'action_type':'data.transform','config':{'expression':'$pad(``, 2000, `x`)'}}";
        String outputs = api.deploy(Json.of("{'name':'big outputs','trigger':{'type':'webhook','config':{}},"
                + "'steps':[" + big + "," + big + "," + big + "," + big + "]}")).get("webhook_url").asText();
        JsonNode stopped = Executions.awaitEnd(api, platform.anonymous().post(outputs, "{}").expect(202).json()
                .get("execution_ids").get(0).asText(), Duration.ofSeconds(30));
        assertThat(stopped.get("status").asText()).isEqualTo("failed");
        assertThat(stopped.get("error_message").asText()).contains("step outputs passed 4096 bytes");
        assertThat(stopped.get("steps").findValuesAsText("step_key")).doesNotContain("4");
    }

    @Test
    void failsTheStepWithinItsTimeoutAndStopsWithinThirtySecondsWhileBombsRun() throws Exception {
        PlatformProcess.test("bombs", p -> p.with("WORKFLOWS_LIMITS_MAXSTEPSPEREXECUTION", "50")
                .with("WORKFLOWS_LIMITS_MAXOUTPUTBYTESPEREXECUTION", "4096"), platform -> {
            platform.start();
            Api api = platform.api();
            stopsExecutionsPastTheirBudgets(platform);
            String pad = api.deploy(bomb("$pad(``, 100000000)")).get("webhook_url").asText();
            String first = platform.anonymous().post(pad, "{}").expect(202).json().get("execution_ids").get(0).asText();
            JsonNode failed = Executions.awaitEnd(api, first, Duration.ofSeconds(STEP_TIMEOUT_SECONDS));
            assertThat(failed.get("steps").get(0).get("error").asText()).contains("at most 1000000");
            String cpu = api.deploy(bomb("($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) + $f($n - 1) }; $f(25))"))
                    .get("webhook_url").asText();
            for (int i = 0; i < 8; i++) {
                platform.anonymous().post(i % 2 == 0 ? cpu : pad, "{}").expect(202);
            }
            assertThat(platform.stop(Duration.ofSeconds(30))).as("stopped within 30 s").isTrue();
        });
    }
}
