package dev.placemat.workflows.app.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.HeldRows;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A webhook answers 202 once its execution's row is committed. While few executions run on the node, that row is
 * committed on its own instead of waiting behind the batch of the other executions' rows. Here that batch is held up
 * by a lock on the rows of the executions that run: the webhook is answered all the same.
 */
class QuietAcceptanceIT extends IntegrationTest {

    @Test
    void aQuietNodeAnswersAWebhookWhileOtherExecutionsRowsWaitOnALock() throws Exception {
        String held = api().deploy(Json.of("{'name':'held','trigger':{'type':'manual'},"
                + "'steps':[{'action_type':'control.wait','config':{'duration_seconds':2}},"
                + "{'action_type':'control.wait','config':{'duration_seconds':5}}]}")).get("id").asText();
        String webhook = api().deploy(Json.of("{'name':'quiet','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'`done`'}}]}"))
                .get("webhook_url").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                api().get("/actuator/metrics/placemat.executions.live").expect(200).json()
                        .get("measurements").get(0).get("value").asDouble() == 0);
        // the node is quiet: three held executions and the webhook's are the only ones it runs, as at one request at a
        // time, when the executions of the requests before are still at their last steps
        List<String> executions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            executions.add(api().post("/api/workflows/" + held + "/execute", "{}").expect(202).json()
                    .get("execution_id").asText());
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM step_executions s "
                + "JOIN workflow_executions e ON e.id = s.execution_id WHERE e.workflow_id = :id")
                .param("id", UUID.fromString(held)).query(Long.class).single() == 3);
        String accepted;
        try (HeldRows steps = holdRows()) {
            // the first steps' ends wait for these locks; the executions go on to their second steps meanwhile
            steps.lock("SELECT s.id FROM step_executions s JOIN workflow_executions e ON e.id = s.execution_id "
                    + "WHERE e.workflow_id = ? FOR UPDATE OF s", UUID.fromString(held));
            steps.awaitWaiting("WITH "); // the writer's statement
            accepted = anonymous().post(webhook, "{}").expect(202).json().get("execution_ids").get(0).asText();
        }
        for (String execution : executions) {
            assertThat(Executions.awaitEnd(api(), execution).get("status").asText()).isEqualTo("completed");
        }
        assertThat(Executions.awaitEnd(api(), accepted).get("execution_data").get("step_1").asText())
                .isEqualTo("done");
    }
}
