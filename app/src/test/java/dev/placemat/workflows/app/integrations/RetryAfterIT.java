package dev.placemat.workflows.app.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Runs;
import dev.placemat.workflows.fixtures.LocalHttpServer.Reply;
import dev.placemat.workflows.fixtures.LocalHttpServer;
import dev.placemat.workflows.fixtures.NotionStandIn;
import dev.placemat.workflows.fixtures.SlackStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16, point 1: a 429 or 503 with {@code Retry-After} waits at least that long before the next attempt (HTTP,
 * Slack, Notion), a wait longer than the step may take fails at once, and a connection's rate limit is shared by
 * executions running in parallel.
 */
class RetryAfterIT extends IntegrationTest {

    private static final String TOKEN = "secret_retry-after-it-token";
    private static LocalHttpServer http;
    private static SlackStandIn slack;
    private static NotionStandIn notion;

    @BeforeAll
    static void start() {
        http = LocalHttpServer.start();
        slack = SlackStandIn.start();
        notion = NotionStandIn.start(TOKEN).database("ra-projects", Map.of("Name", "title"));
    }

    @AfterAll
    static void stop() {
        http.close();
        slack.close();
        notion.close();
    }

    private static String retried(String action, String config) {
        return "{'name':'Retry-After','trigger':{'type':'manual'},'steps':[{'action_type':'" + action + "','config':"
                + config + ",'retry_config':{'max_retries':2,'retry_delay':100,'backoff_multiplier':1}}]}";
    }

    private static Duration gap(JsonNode steps) {
        return Duration.between(Instant.parse(steps.get(0).get("completed_at").asText()),
                Instant.parse(steps.get(1).get("started_at").asText()));
    }

    @Test
    void anHttpCallWaitsWhatTheServiceAskedForAndTheAttemptRecordSaysWhy() {
        http.route("/busy", Reply.of(429, "application/json", "{\"error\":\"slow down\"}").withHeader("Retry-After", "2"),
                Reply.of(200, "application/json", "{\"ok\":true}"));

        JsonNode execution = Runs.byHand(api(), Json.of(retried("http.request", "{'url':'" + http.url("/busy") + "'}")),
                Map.of());

        assertThat(execution.get("status").asText()).isEqualTo("completed");
        JsonNode steps = execution.get("steps");
        assertThat(steps).extracting(s -> s.get("attempt").asInt(), s -> s.get("status").asText())
                .containsExactly(tuple(1, "failed"), tuple(2, "completed"));
        assertThat(steps.get(0).get("error").asText()).isEqualTo("HTTP 429 Too Many Requests from 127.0.0.1: "
                + "(application/json) {\"error\":\"slow down\"}; the service asked to wait 2 s (Retry-After); "
                + "attempt 2 waits 2 s, as the service asked (Retry-After)");
        assertThat(gap(steps)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSlackWebhookThatRefusesUntilItsRetryAfterHasPassedGetsTheMessageOnce() {
        Runs.connection(api(), "ra-slack", "slack", Map.of("webhook_url", slack.webhookUrl()));
        slack.reset();
        slack.rateLimitFor(Duration.ofSeconds(3));

        JsonNode execution = Runs.byHand(api(), Json.of(retried("slack.send_message",
                "{'connection':'ra-slack','message':'Deal closed'}")), Map.of());

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        JsonNode steps = execution.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("error").asText()).contains("HTTP 429").contains("rate_limited")
                .contains("waits 3 s, as the service asked (Retry-After)");
        assertThat(gap(steps)).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(slack.messages()).extracting(m -> m.get("text").asText()).containsExactly("Deal closed");
    }

    @Test
    void aNotionRateLimitIsWaitedOutAndThePageMadeOnce() {
        Runs.connection(api(), "ra-notion", "notion", Map.of("token", TOKEN, "projects_database_id", "ra-projects",
                "base_url", notion.baseUrl()));
        notion.rateLimitNext(1, 1);

        JsonNode execution = Runs.byHand(api(), Json.of(retried("notion.create_project",
                "{'connection':'ra-notion','project_data':{'name':'Harbour'}}")), Map.of());

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(gap(execution.get("steps"))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(notion.pagesIn("ra-projects")).hasSize(1);
    }

    /** The step's timeout caps the wait (600 s asked, 30 s allowed), or the platform's maximum (120 s in the tests). */
    @ParameterizedTest
    @CsvSource({"600, 30, 30", "200, 600, 120"})
    void aWaitLongerThanTheStepOrThePlatformAllowsFailsAtOnce(int retryAfter, int timeout, int cap) {
        String path = "/later-" + retryAfter;
        http.route(path, Reply.of(503, "text/plain", "maintenance").withHeader("Retry-After", "" + retryAfter));

        JsonNode execution = Runs.byHand(api(), Json.of("{'name':'Too long','trigger':{'type':'manual'},'steps':"
                + "[{'action_type':'http.request','config':{'url':'" + http.url(path) + "'},'timeout_seconds':"
                + timeout + ",'retry_config':{'max_retries':3,'retry_delay':100}}]}"), Map.of());

        assertThat(execution.get("status").asText()).isEqualTo("failed");
        assertThat(execution.get("steps")).hasSize(1);
        assertThat(execution.get("error_message").asText()).startsWith("rate limited, retry after " + retryAfter
                + " s: more than the " + cap + " s this step may wait");
        assertThat(http.requests(path)).hasSize(1);
    }

    @Test
    void parallelExecutionsShareTheirSlackConnectionsRateLimit() {
        Runs.connection(api(), "ra-slack-shared", "slack", Map.of("webhook_url", slack.webhookUrl()));
        slack.reset();
        String workflow = api().deploy(Json.of("{'name':'Shared limit','trigger':{'type':'manual'},'steps':[{"
                + "'action_type':'slack.send_message','config':{'connection':'ra-slack-shared',"
                + "'message':'{{trigger_data.n}}'}}]}")).get("id").asText();
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            ids.add(api().post("/api/workflows/" + workflow + "/execute", Map.of("n", n)).expect(202).json()
                    .get("execution_id").asText());
        }

        ids.forEach(id -> assertThat(Executions.awaitEnd(api(), id).get("status").asText()).isEqualTo("completed"));

        List<ServeEvent> posts = new ArrayList<>(slack.server().getAllServeEvents());
        posts.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        assertThat(posts).hasSize(6);
        Duration spread = Duration.ofMillis(posts.get(5).getRequest().getLoggedDate().getTime()
                - posts.get(0).getRequest().getLoggedDate().getTime());
        assertThat(spread).as("three at once, then one a second").isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_rate_buckets WHERE id = 'slack:ra-slack-shared'")
                .query(Long.class).single()).as("the budget is kept where every node takes from it").isEqualTo(1);
    }
}
