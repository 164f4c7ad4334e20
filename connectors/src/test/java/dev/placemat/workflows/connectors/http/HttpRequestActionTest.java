package dev.placemat.workflows.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.placemat.workflows.connectors.support.LoopbackGuard;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpRequestActionTest {

    private static WireMockServer server;
    private static StepFixture fixture;
    private static LoopbackGuard guard;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"a\":1}")));
        server.stubFor(get("/text").willReturn(aResponse().withStatus(200).withBody("plain words")));
        server.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));
        server.stubFor(get("/broken").willReturn(aResponse().withStatus(502)));
        server.stubFor(get("/elsewhere").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:1/internal")));
        fixture = new StepFixture();
        guard = new LoopbackGuard(server.port());
    }

    @AfterAll
    static void stop() {
        fixture.close();
        server.stop();
    }

    private static JsonNode call(String path, Duration timeLeft) throws Exception {
        var config = StepFixture.config(HttpRequestAction.Config.class,
                "{\"url\": \"http://127.0.0.1:" + server.port() + path + "\"}");
        PlatformServices services = new TestServices().with(OutboundGuard.class, guard);
        StepContext base = fixture.context(StepFixture.json("{}"), services);
        StepContext context = new StepContext() {
            public String executionId() { return base.executionId(); }
            public String workflowId() { return base.workflowId(); }
            public String stepKey() { return base.stepKey(); }
            public String idempotencyKey() { return base.idempotencyKey(); }
            public void onCancel(Runnable hook) {}
            public boolean cancelled() { return false; }
            public JsonNode data() { return base.data(); }
            public Duration timeLeft() { return timeLeft; }
            public CamelContext camel() { return base.camel(); }
            public PlatformServices services() { return services; }
        };
        return StepFixture.output(new HttpRequestAction().execute(config, context));
    }

    @Test
    void returnsStatusHeadersAndAParsedJsonBodyOrText() throws Exception {
        JsonNode json = call("/ok", Duration.ofSeconds(30));
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("body").get("a").asInt()).isEqualTo(1);
        assertThat(call("/text", Duration.ofSeconds(30)).get("body").asText()).isEqualTo("plain words");
    }

    @Test
    void keepsOneClientEndpointWhateverTimeIsLeft() throws Exception {
        for (int i = 0; i < 25; i++) {
            call("/ok", Duration.ofMillis(29_000 - i * 37L));
        }
        long endpoints = fixture.camel().getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("http")).count();
        assertThat(endpoints).isLessThanOrEqualTo(2);
    }

    @Test
    void failsA4xxForGoodAndA5xxSoThatItMayBeRetried() {
        assertThatThrownBy(() -> call("/gone", Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("404");
        assertThatThrownBy(() -> call("/broken", Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void checksTheAddressOfEveryRedirect() {
        assertThatThrownBy(() -> call("/elsewhere", Duration.ofSeconds(30)))
                .isInstanceOf(StepFailure.class).hasMessageContaining("not allowed");
        assertThat(guard.checked()).extracting(Object::toString).contains("http://127.0.0.1:1/internal");
        server.verify(1, getRequestedFor(urlEqualTo("/elsewhere")));
    }
}
