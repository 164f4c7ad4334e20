package dev.placemat.workflows.connectors.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.support.LoopbackGuard;
import dev.placemat.workflows.connectors.support.MapConnections;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.fixtures.SlackStandIn;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackSendMessageActionTest {

    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();
    private static SlackStandIn slack;

    @BeforeAll
    static void start() {
        slack = SlackStandIn.start();
    }

    @AfterAll
    static void stop() {
        slack.close();
    }

    @BeforeEach
    void reset() {
        slack.reset();
    }

    private static JsonNode send(String config, StepContext context) throws Exception {
        return StepFixture.output(new SlackSendMessageAction().execute(
                StepFixture.config(SlackSendMessageAction.Config.class, config), context));
    }

    @Test
    void postsTheMessageWithChannelAndBlocksToTheWebhook() throws Exception {
        JsonNode out = send("""
                {"channel": "#wins", "message": "🎉 New project won: Harbour worth 25000",
                 "blocks": [{"type": "image", "image_url": "https://example.org/chart.png", "alt_text": "chart"}]}""",
                context(slack.server().port()));

        assertThat(slack.messages()).singleElement().satisfies(message -> assertThat(message).isEqualTo(
                StepFixture.json("""
                {"text": "🎉 New project won: Harbour worth 25000", "channel": "#wins",
                 "blocks": [{"type": "image", "image_url": "https://example.org/chart.png", "alt_text": "chart"}]}""")));
        assertThat(out.toString()).isEqualTo("{\"channel\":\"#wins\","
                + "\"message\":\"🎉 New project won: Harbour worth 25000\",\"sent\":true}");
    }

    @Test
    void escapesWhatTemplatesPutIntoTheMessageForSlack() {
        assertThat(new SlackSendMessageAction().templateEscapes().get("message")
                .apply("<!channel> AT&T <https://evil.test|click>"))
                .isEqualTo("&lt;!channel&gt; AT&amp;T &lt;https://evil.test|click&gt;");
    }

    @Test
    void aRateLimitedWebhookAsksTheEngineToWaitAsSlackSays() {
        slack.rateLimitFor(Duration.ofSeconds(10));
        assertThatThrownBy(() -> send("{\"message\": \"hi\"}", context(slack.server().port())))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.retryAfter()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10));
                })
                .hasMessageContaining("HTTP 429 Too Many Requests: (text/plain; charset=utf-8) rate_limited");
    }

    @Test
    void aRefusedMessageFailsForGoodWithoutShowingTheWebhookSecret() {
        Connections wrongPath = new MapConnections().with("slack", "slack",
                Map.of("webhook_url", "http://127.0.0.1:" + slack.server().port() + "/services/T0/B0/CANARY42"));
        StepContext context = FIXTURE.context(null, new TestServices().with(Connections.class, wrongPath)
                .with(OutboundGuard.class, new LoopbackGuard(slack.server().port())));

        assertThatThrownBy(() -> send("{\"message\": \"hi\"}", context))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("Slack refused the message for the connection 'slack' with HTTP 404 Not Found: "
                        + "(text/plain; charset=utf-8) no_service");
    }

    @Test
    void aWebhookTheGuardForbidsIsNeverCalled() {
        assertThatThrownBy(() -> send("{\"message\": \"hi\"}", context()))
                .hasMessage("the host 127.0.0.1 is not allowed");
        assertThat(slack.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void aMessageIsNotSafeToSendAgain() {
        assertThat(new SlackSendMessageAction().repeatSafe(null)).isFalse();
    }

    private static StepContext context(Integer... allowedPorts) {
        Connections connections = new MapConnections().with("slack", "slack", Map.of("webhook_url",
                slack.webhookUrl()));
        return FIXTURE.context(null, new TestServices().with(Connections.class, connections)
                .with(OutboundGuard.class, new LoopbackGuard(allowedPorts)));
    }
}
