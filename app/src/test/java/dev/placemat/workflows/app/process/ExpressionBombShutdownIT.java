package dev.placemat.workflows.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged platform with expressions that would take a core for minutes (issue 11): the step fails within its
 * timeout, and the platform stops within 30 s of a SIGTERM while more of them run.
 */
class ExpressionBombShutdownIT extends IntegrationTest {

    private static final int STEP_TIMEOUT_SECONDS = 10;

    private static JsonNode bomb(String expression) {
        return Json.of("{'name':'bomb','trigger':{'type':'webhook','config':{}},'steps':[{'action_type':"
                + "'data.transform','timeout_seconds':" + STEP_TIMEOUT_SECONDS + ",'retry_config':{'max_retries':0},"
                + "'config':{'expression':'" + expression + "'}}]}");
    }

    @Test
    void failsTheStepWithinItsTimeoutAndStopsWithinThirtySecondsWhileBombsRun() throws Exception {
        Path dataDir = Files.createTempDirectory("placemat-process-");
        PlatformProcess platform = new PlatformProcess(dataDir);
        try {
            platform.start();
            Api api = platform.api();
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
        } catch (AssertionError | RuntimeException e) {
            throw platform.failure(e);
        } finally {
            platform.kill();
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
