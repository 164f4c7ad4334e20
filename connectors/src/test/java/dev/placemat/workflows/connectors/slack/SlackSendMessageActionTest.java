package dev.placemat.workflows.connectors.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.placemat.workflows.connectors.support.LoopbackGuard;
import dev.placemat.workflows.connectors.support.MapConnections;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackSendMessageActionTest {

    private static final String HOOK_PATH = "/services/T000/B000/CANARYhookSecret42";
    private static StepFixture fixture;
    private static WireMockServer slack;

    @BeforeAll
    static void start() {
        fixture = new StepFixture();
        slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
    }

    @AfterAll
    static void stop() {
        slack.stop();
        fixture.close();
    }

    @BeforeEach
    void reset() {
        slack.resetAll();
    }

    @Test
    void postsTheMessageWithChannelAndBlocksToTheWebhook() throws Exception {
        slack.stubFor(post(HOOK_PATH).willReturn(aResponse().withStatus(200).withBody("ok")));
        var config = StepFixture.config(SlackSendMessageAction.Config.class, """
                {"channel": "#wins", "message": "🎉 New project won: Harbour <Clean-up> worth 25000",
                 "blocks": [{"type": "image", "image_url": "https://example.org/chart.png", "alt_text": "chart"}]}""");

        JsonNode out = StepFixture.output(new SlackSendMessageAction().execute(config, context(slack.port())));

        slack.verify(postRequestedFor(urlEqualTo(HOOK_PATH)).withRequestBody(equalToJson("""
                {"text": "🎉 New project won: Harbour <Clean-up> worth 25000", "channel": "#wins",
                 "blocks": [{"type": "image", "image_url": "https://example.org/chart.png",
                             "alt_text": "chart"}]}""")));
        assertThat(out.toString())
                .isEqualTo("{\"channel\":\"#wins\","
                        + "\"message\":\"🎉 New project won: Harbour <Clean-up> worth 25000\",\"sent\":true}");
    }

    @Test
    void aRefusedMessageFailsWithoutShowingTheWebhookSecret() {
        slack.stubFor(post(HOOK_PATH).willReturn(aResponse().withStatus(404).withBody("no_service")));
        var config = StepFixture.config(SlackSendMessageAction.Config.class, "{\"message\": \"hi\"}");

        assertThatThrownBy(() -> new SlackSendMessageAction().execute(config, context(slack.port())))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("Slack refused the message (HTTP 404)")
                .hasMessageNotContaining("CANARY");
        assertThat(fixture.camel().getEndpoints()).noneMatch(e -> e.getEndpointUri().contains("CANARY"));
    }

    @Test
    void aWebhookTheGuardForbidsIsNeverCalled() {
        slack.stubFor(post(HOOK_PATH).willReturn(aResponse().withStatus(200).withBody("ok")));
        var config = StepFixture.config(SlackSendMessageAction.Config.class, "{\"message\": \"hi\"}");

        assertThatThrownBy(() -> new SlackSendMessageAction().execute(config, context(slack.port() + 1)))
                .hasMessageContaining("the webhook of the slack connection 'slack' is not an allowed address")
                .hasMessageNotContaining("CANARY");
        assertThat(slack.getAllServeEvents()).isEmpty();
    }

    private static StepContext context(int allowedPort) {
        Connections connections = new MapConnections().with("slack", "slack",
                Map.of("webhook_url", "http://127.0.0.1:" + slack.port() + HOOK_PATH));
        return fixture.context(null, new TestServices().with(Connections.class, connections)
                .with(OutboundGuard.class, new LoopbackGuard(allowedPort)));
    }
}
