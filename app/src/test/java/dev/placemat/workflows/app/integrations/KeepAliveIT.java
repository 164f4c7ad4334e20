package dev.placemat.workflows.app.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Runs;
import dev.placemat.workflows.fixtures.KeepAliveServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Outbound calls to a service that closes idle keep-alive connections after its own timeout (300 ms here): each call
 * comes after the service closed the connection of the one before, some tens of milliseconds after, and must not go out on it.
 */
class KeepAliveIT extends IntegrationTest {

    @Test
    void aCallAfterTheServiceClosedTheIdleConnectionGoesThrough() throws Exception {
        try (KeepAliveServer service = KeepAliveServer.start(Duration.ofMillis(300))) {
            String workflow = api().deploy(Json.of("{'name':'Keep-alive','trigger':{'type':'manual','config':{}},"
                    + "'steps':[{'action_type':'http.request','config':{'method':'POST','url':'" + service.url()
                    + "','body':{'n':1}}}]}")).get("id").asText();
            for (int run = 1; run <= 6; run++) {
                JsonNode execution = Runs.byHand(api(), workflow, "{}");
                assertThat(execution.get("status").asText()).as("run %d: %s", run, execution).isEqualTo("completed");
                Thread.sleep(run % 2 == 0 ? 320 : 600);
            }
            assertThat(service.requests()).isEqualTo(6);
            assertThat(service.connections()).as("each call after the service closed the last connection").isEqualTo(6);
        }
    }
}
