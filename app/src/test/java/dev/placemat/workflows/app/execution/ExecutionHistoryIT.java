package dev.placemat.workflows.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The history of a workflow that has run for a while, as the executions page reads it every two seconds. */
class ExecutionHistoryIT extends IntegrationTest {

    @Test
    void countsALongHistoryOnlyAsFarPastThePageAsItNeeds() {
        String id = api().post("/api/workflows", Json.of("{'name':'long history','trigger':{'type':'manual'},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]}")).expect(201).json()
                .get("id").asText();
        jdbc.sql("INSERT INTO workflow_executions (id, workflow_id, workflow_version, status, started_at, completed_at) "
                        + "SELECT gen_random_uuid(), :id, 1, 'completed', now() - g * interval '1 second', "
                        + "now() - g * interval '1 second' FROM generate_series(1, 10100) g")
                .param("id", UUID.fromString(id))
                .update();
        String history = "/api/executions?workflow_id=" + id + "&limit=50";

        JsonNode first = api().get(history).expect(200).json();
        assertThat(first.get("items")).hasSize(50);
        assertThat(first.get("total").asLong()).as("10,000 past the page's 50").isEqualTo(10_050);
        assertThat(first.get("total_exact").asBoolean()).isFalse();

        JsonNode deep = api().get(history + "&offset=10000").expect(200).json();
        assertThat(deep.get("items")).hasSize(50);
        assertThat(deep.get("total").asLong()).isEqualTo(10_100);
        assertThat(deep.get("total_exact").asBoolean()).isTrue();

        JsonNode failed = api().get(history + "&status=failed").expect(200).json();
        assertThat(failed.get("total").asLong()).isZero();
        assertThat(failed.get("total_exact").asBoolean()).isTrue();

        api().delete("/api/workflows/" + id).expect(204);
        assertThat(api().get(history).expect(200).json().get("total").asLong()).isZero();
    }
}
