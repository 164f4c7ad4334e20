package dev.placemat.workflows.app.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.engine.WorkflowLimits;
import dev.placemat.workflows.app.recovery.Recovery;
import dev.placemat.workflows.app.retention.Retention;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.HeldRows;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Size, depth, rate, concurrency and time limits, each with a clear 4xx or a clear failure reason. */
class LimitsIT extends IntegrationTest {

    @Autowired
    WorkflowLimits limits;

    @Autowired
    Recovery recovery;

    @Autowired
    Retention retention;

    private static JsonNode waiting(double seconds) {
        return Json.of("{'name':'limits','trigger':{'type':'webhook','config':{}},'steps':[{'action_type':"
                + "'control.wait','config':{'duration_seconds':" + seconds + "}}]}");
    }

    @Test
    void answers413ForAnApiBodyOverTheLimit() {
        String big = "{\"name\":\"" + "x".repeat(2_200_000) + "\"}";
        Api.Answer answer = api().raw("POST", "/api/workflows", "application/json", big);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void answers400ForJsonNestedTooDeeply() {
        String deep = "{\"name\":" + "[".repeat(200) + "]".repeat(200) + "}";
        JsonNode problem = api().raw("POST", "/api/workflows", "application/json", deep).expect(400).json();
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("too_deep");
        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("$");
    }

    @Test
    void answers422ForADefinitionOverTheSizeLimit() {
        JsonNode definition = Json.of("{'name':'big','trigger':{'type':'manual','config':{}},'steps':[{'action_type':"
                + "'data.transform','config':{'expression':'`" + "a".repeat(300_000) + "`'}}]}");
        JsonNode problem = api().post("/api/workflows", definition).expect(422).json();
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("too_large");
    }

    @Test
    void answers429WithRetryAfterOverAWorkflowsRateAndConcurrency() {
        String url = api().deploy(waiting(2)).get("webhook_url").asText();
        int max = limits.maxConcurrent();
        double rate = limits.ratePerSecond();
        Duration timeout = limits.executionTimeout();
        try {
            limits.set(2, 1000, timeout);
            anonymous().post(url, "{}").expect(202);
            anonymous().post(url, "{}").expect(202);
            Api.Answer third = anonymous().post(url, "{}").expect(429);
            assertThat(third.header("retry-after")).isEqualTo("1");
            assertThat(third.json().get("detail").asText()).contains("2 executions at once");

            limits.set(100, 0.5, timeout);
            anonymous().post(url, "{}").expect(202);
            Api.Answer limited = anonymous().post(url, "{}").expect(429);
            assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 3);
        } finally {
            limits.set(max, rate, timeout);
        }
    }

    @Test
    void failsAnExecutionThatRunsLongerThanTheMaximum() {
        String url = api().deploy(waiting(30)).get("webhook_url").asText();
        Duration timeout = limits.executionTimeout();
        try {
            limits.set(limits.maxConcurrent(), limits.ratePerSecond(), Duration.ofSeconds(1));
            String id = anonymous().post(url, "{}").expect(202).json().get("execution_ids").get(0).asText();
            JsonNode execution = Executions.awaitEnd(api(), id, Duration.ofSeconds(10));
            assertThat(execution.get("status").asText()).isEqualTo("failed");
            assertThat(execution.get("error_message").asText()).contains("longer than the maximum of 1 s");
        } finally {
            limits.set(limits.maxConcurrent(), limits.ratePerSecond(), timeout);
        }
    }

    @Test
    void storesLargeStepOutputsTruncatedWithAMarker() {
        JsonNode definition = Json.of("{'name':'big output','trigger':{'type':'webhook','config':{}},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'webhook_data'}}]}");
        String url = api().deploy(definition).get("webhook_url").asText();
        String body = "{\"blob\":\"" + "y".repeat(300_000) + "\"}";
        String id = anonymous().raw("POST", url, "application/json", body).expect(202).json()
                .get("execution_ids").get(0).asText();
        JsonNode execution = Executions.awaitEnd(api(), id);
        JsonNode output = execution.get("steps").get(0).get("output");
        assertThat(output.get("_truncated").asBoolean()).isTrue();
        assertThat(output.get("original_bytes").asInt()).isGreaterThan(300_000);
        assertThat(output.get("preview").asText()).hasSizeLessThanOrEqualTo(1024);
    }

    @Test
    void resumesUnfinishedExecutionsWithoutALiveOwnerFromTheirJournalAndPrunesOldOnes() {
        JsonNode workflow = api().deploy(waiting(0));
        UUID workflowId = UUID.fromString(workflow.get("id").asText());
        UUID pending = insert(workflowId, "pending", "{\"webhook_data\":{}}");
        UUID running = insert(workflowId, "running", "{}");
        jdbc.sql("INSERT INTO step_executions (execution_id, step_key, step_number, action_type, status, started_at) "
                + "VALUES (?, '1', 1, 'control.wait', 'completed', now())").param(running).update();

        recovery.sweep(); // or the scheduled sweep, every 2 s, claims them first: either resumes each once
        assertThat(Executions.awaitEnd(api(), pending.toString()).get("status").asText()).isEqualTo("completed");
        JsonNode resumed = Executions.awaitEnd(api(), running.toString());
        assertThat(resumed.get("status").asText()).isEqualTo("completed");
        assertThat(resumed.get("steps")).as("the completed step is not run again").hasSize(1);
        assertThat(resumed.get("resume_count").asInt()).isEqualTo(1);
        assertThat(resumed.get("runs").get(1).get("reason").asText()).startsWith("recovered after node");

        jdbc.sql("UPDATE workflow_executions SET completed_at = now() - interval '400 days' WHERE id = ?")
                .param(running).update();
        retention.prune(365, 1_000_000);
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_executions WHERE id = ?").param(running).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM step_executions WHERE execution_id = ?").param(running)
                .query(Long.class).single()).isZero();
        insert(workflowId, "completed", "{}");
        retention.prune(365, 1);
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_executions WHERE workflow_id = ?").param(workflowId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void forgetsIdempotencyKeysAndDeliveredEventsAsOldAsPrunedExecutions() {
        UUID workflowId = UUID.fromString(api().deploy(waiting(0)).get("id").asText());
        for (String age : List.of("400 days", "1 day")) {
            jdbc.sql("INSERT INTO webhook_requests (webhook_id, idempotency_key, created_at) "
                    + "VALUES ('retention-test', ?, now() - ?::interval)").params("key-" + age, age).update();
            jdbc.sql("INSERT INTO event_deliveries (workflow_id, event_id, execution_id, created_at) "
                    + "VALUES (?, ?, ?, now() - ?::interval)").params(workflowId, "event-" + age, UUID.randomUUID(), age)
                    .update();
        }
        retention.prune(365, 1_000_000);
        assertThat(jdbc.sql("SELECT idempotency_key FROM webhook_requests WHERE webhook_id = 'retention-test'")
                .query(String.class).list()).containsExactly("key-1 day");
        assertThat(jdbc.sql("SELECT event_id FROM event_deliveries WHERE workflow_id = ?").param(workflowId)
                .query(String.class).list()).containsExactly("event-1 day");
    }

    @Test
    void prunesOnItsOwnThreadSoThatASlowPassHoldsNoSchedulerThread() throws Exception {
        UUID workflowId = UUID.fromString(api().deploy(waiting(0)).get("id").asText());
        UUID old = insert(workflowId, "completed", "{}");
        jdbc.sql("UPDATE workflow_executions SET completed_at = now() - interval '400 days' WHERE id = ?").param(old)
                .update();
        try (HeldRows lock = holdRows()) {
            lock.lock("SELECT 1 FROM workflow_executions WHERE id = ? FOR UPDATE", old);
            // the scheduler's call returns while the pass waits for the row this test holds
            assertTimeoutPreemptively(Duration.ofSeconds(10), retention::scheduled);
            lock.awaitWaiting("DELETE FROM workflow_executions");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM workflow_executions "
                + "WHERE id = ?").param(old).query(Long.class).single() == 0);
    }

    @Test
    void prunesEndedExecutionsBeyondTheNewestOfEachWorkflowAndKeepsUnfinishedOnes() {
        UUID workflowId = UUID.fromString(api().deploy(waiting(0)).get("id").asText());
        UUID otherId = UUID.fromString(api().deploy(waiting(0)).get("id").asText());
        UUID newest = insertStarted(workflowId, "completed", 1);
        UUID tiedA = insertStarted(workflowId, "failed", 2);
        UUID tiedB = insertStarted(workflowId, "completed", 2);
        UUID older = insertStarted(workflowId, "cancelled", 3);
        UUID waiting = insertStarted(workflowId, "waiting", 4);
        UUID other = insertStarted(otherId, "completed", 5);

        retention.prune(365, 2);

        // the newest two; of two started at once, the greater id as PostgreSQL orders uuids (by bytes, as their text)
        UUID keptOfTied = tiedA.toString().compareTo(tiedB.toString()) > 0 ? tiedA : tiedB;
        assertThat(jdbc.sql("SELECT id FROM workflow_executions WHERE workflow_id IN (?, ?)")
                .params(workflowId, otherId).query(UUID.class).list())
                .containsExactlyInAnyOrder(newest, keptOfTied, waiting, other)
                .doesNotContain(older);
    }

    /** An execution of the workflow started the given minutes before a whole minute; ended ones a second later. */
    private UUID insertStarted(UUID workflowId, String status, int minutesAgo) {
        UUID id = UUID.randomUUID();
        Instant started = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(minutesAgo));
        boolean waits = status.equals("waiting");
        jdbc.sql("INSERT INTO workflow_executions (id, workflow_id, workflow_version, status, started_at, "
                        + "completed_at, resume_at) VALUES (?, ?, 1, ?, ?, ?, ?)")
                .params(id, workflowId, status, Timestamp.from(started),
                        waits ? null : Timestamp.from(started.plusSeconds(1)),
                        waits ? Timestamp.from(Instant.now().plus(Duration.ofDays(1))) : null)
                .update();
        return id;
    }

    private UUID insert(UUID workflowId, String status, String trigger) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO workflow_executions (id, workflow_id, workflow_version, status, trigger_data, started_at, "
                        + "completed_at) VALUES (?, ?, 1, ?, ?::jsonb, now() - interval '1 hour', "
                        + "CASE WHEN ? = 'completed' THEN now() END)")
                .params(id, workflowId, status, trigger, status).update();
        return id;
    }
}
