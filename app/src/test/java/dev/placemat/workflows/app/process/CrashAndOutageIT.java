package dev.placemat.workflows.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged platform in a process of its own: its database stopped and started under load (health and webhooks
 * 503, with Retry-After, while down, never a 2xx without a row, recovery by itself), then killed with SIGKILL while slow
 * executions run and restarted on the same data directory: every accepted execution completes.
 */
class CrashAndOutageIT extends IntegrationTest {

    private static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");

    @Test
    void survivesADatabaseOutageAndACrashWithoutLosingAcceptedExecutions() throws Exception {
        PlatformProcess.test("process", p -> p, platform -> {
            platform.start();
            Api api = platform.api();
            String url = api.deploy(Json.of("{'name':'slow','trigger':{'type':'webhook','config':{}},'steps':["
                    + "{'action_type':'control.wait','config':{'duration_seconds':4}},"
                    + "{'action_type':'data.transform','config':{'expression':'`done`'}}]}"))
                    .get("webhook_url").asText();
            List<String> accepted = new ArrayList<>();

            platform.stopDatabase();
            await("a node that lost PostgreSQL is out of the load balancer").atMost(Duration.ofSeconds(30))
                    .until(() -> platform.anonymous().get("/actuator/health").status() == 503);
            Api.Answer down = platform.anonymous().post(url, "{}");
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(down.header("retry-after")).isNotBlank();
            platform.startDatabase();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Api.Answer answer = platform.anonymous().post(url, "{}");
                if (answer.status() == 202) {
                    accepted.add(answer.json().get("execution_ids").get(0).asText());
                    return true;
                }
                assertThat(answer.status()).as(answer.text()).isEqualTo(503);
                return false;
            });

            for (int i = 0; i < 20; i++) {
                accepted.add(platform.anonymous().post(url, "{\"n\":" + i + "}").expect(202).json()
                        .get("execution_ids").get(0).asText());
            }
            Thread.sleep(1000);
            platform.crash();
            platform.start();

            for (String id : accepted) {
                JsonNode[] last = new JsonNode[1];
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    last[0] = platform.api().get("/api/executions/" + id).expect(200).json();
                    return FINAL.contains(last[0].get("status").asText());
                });
                assertThat(last[0].get("status").asText()).as("every accepted execution finishes after the crash")
                        .isEqualTo("completed");
            }
        });
    }
}
