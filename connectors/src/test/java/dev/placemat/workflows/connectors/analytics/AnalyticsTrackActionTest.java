package dev.placemat.workflows.connectors.analytics;

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
import dev.placemat.workflows.connectors.support.RecordedEvents;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.AnalyticsEvents;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnalyticsTrackActionTest {

    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();
    private static WireMockServer collector;

    @BeforeAll
    static void start() {
        collector = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        collector.start();
    }

    @AfterAll
    static void stop() {
        collector.stop();
    }

    @Test
    void recordsTheEventAndForwardsIt() throws Exception {
        collector.stubFor(post("/events").willReturn(aResponse().withStatus(202)));
        RecordedEvents events = new RecordedEvents();

        JsonNode out = track("{\"event_name\": \"project.created\", \"properties\": {\"project\": \"Harbour\", "
                + "\"amount\": 25000}, \"forward_url\": \"http://127.0.0.1:" + collector.port() + "/events\"}", events);

        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("project.created");
            assertThat(e.properties().toString()).isEqualTo("{\"project\":\"Harbour\",\"amount\":25000}");
            assertThat(e.workflowId()).isEqualTo("wf-1");
            assertThat(out.path("event_id").asText()).isEqualTo(e.id());
        });
        assertThat(out.path("event_name").asText()).isEqualTo("project.created");
        collector.verify(postRequestedFor(urlEqualTo("/events")).withRequestBody(equalToJson("""
                {"event_name": "project.created", "properties": {"project": "Harbour", "amount": 25000},
                 "workflow_id": "wf-1", "execution_id": "exec-1", "occurred_at": "${json-unit.any-string}"}""")));
    }

    @Test
    void aFailedForwardRecordsNothingSoARetryCountsOnce() {
        collector.stubFor(post("/down").willReturn(aResponse().withStatus(503)));
        RecordedEvents events = new RecordedEvents();

        assertThatThrownBy(() -> track("{\"event_name\": \"x\", \"forward_url\": \"http://127.0.0.1:"
                + collector.port() + "/down\"}", events))
                .hasMessageContaining("failed with HTTP 503");
        assertThat(events.events()).isEmpty();
    }

    @Test
    void refusesAnEventNameThatIsNotOne() {
        assertThatThrownBy(() -> track("{\"event_name\": \"drop table; --\"}", new RecordedEvents()))
                .hasMessageContaining("event_name must be 1 to 100 letters");
    }

    private static JsonNode track(String config, RecordedEvents events) throws Exception {
        StepContext context = FIXTURE.context(null, new TestServices().with(AnalyticsEvents.class, events)
                .with(OutboundGuard.class, new LoopbackGuard(collector.port())));
        return StepFixture.output(new AnalyticsTrackAction().execute(
                StepFixture.config(AnalyticsTrackAction.Config.class, config), context));
    }

    @Test
    void anEventIsNotSafeToRecordAgain() {
        assertThat(new AnalyticsTrackAction().repeatSafe(null)).isFalse();
    }
}
