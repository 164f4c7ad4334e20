package dev.placemat.workflows.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class AnalyticsIT extends IntegrationTest {

    private String createWorkflow(String name) {
        return api().post("/api/workflows", Json.of("{'name':'" + name + "','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]}"))
                .expect(201).json().get("id").asText();
    }

    /** An execution that started {@code ago} before now and took {@code took}, written as the engine would. */
    private UUID execution(String workflowId, String status, String ago, String took, String error) {
        return jdbc.sql("INSERT INTO workflow_executions (workflow_id, workflow_version, status, started_at, "
                        + "completed_at, error_message) VALUES (CAST(:w AS uuid), 1, :s, now() - CAST(:ago AS interval), "
                        + "now() - CAST(:ago AS interval) + CAST(:took AS interval), :e) RETURNING id")
                .param("w", workflowId).param("s", status).param("ago", ago).param("took", took).param("e", error)
                .query(UUID.class).single();
    }

    private void step(UUID executionId, int number, String actionType, String took) {
        jdbc.sql("INSERT INTO step_executions (execution_id, step_key, step_number, action_type, status, started_at, "
                        + "completed_at) VALUES (:e, :k, :n, :a, 'completed', now(), now() + CAST(:took AS interval))")
                .param("e", executionId).param("k", String.valueOf(number)).param("n", number).param("a", actionType)
                .param("took", took).update();
    }

    private JsonNode rowOf(String range, String workflowId) {
        JsonNode rows = api().get("/api/analytics/workflows?range=" + range).expect(200).json();
        assertThat(rows.isArray()).isTrue();
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.get("id").asText().equals(workflowId)).findFirst()
                .orElseThrow(() -> new AssertionError(workflowId + " missing from " + rows));
    }

    @Test
    void listsWorkflowsThatDidNotRunWithZeros() {
        String id = createWorkflow("Never ran");
        JsonNode row = rowOf("24h", id);
        assertThat(row.get("name").asText()).isEqualTo("Never ran");
        assertThat(row.get("total_executions").asLong()).isZero();
        assertThat(row.get("successful_executions").asLong()).isZero();
        assertThat(row.get("failed_executions").asLong()).isZero();
        assertThat(row.get("avg_duration_seconds").isNull()).isTrue();
        assertThat(row.get("last_execution").isNull()).isTrue();
    }

    @Test
    void countsOnlyTheExecutionsInsideTheRange() {
        String id = createWorkflow("Ranged");
        execution(id, "completed", "2 hours", "2 seconds", null);
        execution(id, "failed", "3 days", "4 seconds", "step 1 failed");
        execution(id, "completed", "20 days", "6 seconds", null);
        execution(id, "completed", "40 days", "8 seconds", null);

        JsonNode day = rowOf("24h", id);
        assertThat(day.get("total_executions").asLong()).isEqualTo(1);
        assertThat(day.get("avg_duration_seconds").asDouble()).isEqualTo(2.0);
        assertThat(day.get("last_execution").asText()).isNotBlank();
        JsonNode week = rowOf("7d", id);
        assertThat(week.get("total_executions").asLong()).isEqualTo(2);
        assertThat(week.get("successful_executions").asLong()).isEqualTo(1);
        assertThat(week.get("failed_executions").asLong()).isEqualTo(1);
        assertThat(week.get("avg_duration_seconds").asDouble()).isEqualTo(3.0);
        assertThat(rowOf("30d", id).get("total_executions").asLong()).isEqualTo(3);
        assertThat(api().get("/api/analytics/workflows").expect(200).json()).contains(week);
    }

    @Test
    void rejectsAnUnknownRangeWithItsPath() {
        for (String range : new String[] {"1y", "7d'--", "7 days"}) {
            JsonNode problem = api().get("/api/analytics/workflows?range=" + range.replace(" ", "%20")
                    .replace("'", "%27")).expect(400).json();
            assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("range");
            api().get("/api/analytics/performance?range=" + range.replace(" ", "%20").replace("'", "%27")).expect(400);
        }
    }

    @Test
    void executionDetailsHoldOnlyThatExecutionsSteps() {
        JsonNode workflow = api().deploy(Json.of("{'name':'Two steps','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}},"
                + "{'action_type':'data.transform','config':{'expression':'step_1 + 1'}}]}"));
        String url = workflow.get("webhook_url").asText();
        String first = anonymous().post(url, Map.of("n", 1)).expect(202).json().get("execution_ids").get(0).asText();
        String second = anonymous().post(url, Map.of("n", 2)).expect(202).json().get("execution_ids").get(0).asText();
        Executions.awaitEnd(api(), first);
        Executions.awaitEnd(api(), second);

        JsonNode details = api().get("/api/analytics/executions/" + first).expect(200).json();
        assertThat(details.get("workflow_name").asText()).isEqualTo("Two steps");
        assertThat(details.get("status").asText()).isEqualTo("completed");
        assertThat(details.get("duration").asDouble()).isGreaterThanOrEqualTo(0);
        JsonNode steps = details.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("step_number").asInt()).isEqualTo(1);
        assertThat(steps.get(1).get("step_number").asInt()).isEqualTo(2);
        assertThat(steps.get(1).get("action_type").asText()).isEqualTo("data.transform");
        assertThat(steps.get(1).get("status").asText()).isEqualTo("completed");
        assertThat(steps.get(1).get("duration").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(steps.get(1).get("error").isNull()).isTrue();
        api().get("/api/analytics/executions/" + UUID.randomUUID()).expect(404);
    }

    @Test
    void leavesTestRunsOutOfEveryFigure() {
        String id = createWorkflow("Only tested");
        String error = "tested only: unique-" + UUID.randomUUID();
        UUID tested = execution(id, "failed", "10 minutes", "1 second", error);
        step(tested, 1, "http.request", "3 hours");
        jdbc.sql("UPDATE workflow_executions SET is_test = true WHERE id = :id").param("id", tested).update();

        JsonNode row = rowOf("24h", id);
        assertThat(row.get("total_executions").asLong()).isZero();
        assertThat(row.get("failed_executions").asLong()).isZero();
        assertThat(row.get("last_execution").isNull()).isTrue();
        JsonNode perf = api().get("/api/analytics/performance?range=24h").expect(200).json();
        assertThat(perf.get("error_patterns").findValuesAsText("message")).doesNotContain(error);
        assertThat(perf.get("bottlenecks").findValuesAsText("workflow_id")).doesNotContain(id);
        JsonNode listed = StreamSupport.stream(api().get("/api/workflows").expect(200).json().spliterator(), false)
                .filter(w -> w.get("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(listed.get("last_execution").isNull()).as("the list's last run is not a test").isTrue();
    }

    @Test
    void performanceReportsRatesPercentilesErrorsAndBottlenecks() {
        String id = createWorkflow("Slow one");
        String error = "step 2 failed: unique-" + UUID.randomUUID();
        UUID slow = execution(id, "completed", "1 hour", "30 seconds", null);
        step(slow, 1, "http.request", "1 second");
        step(slow, 2, "report.generate", "25 minutes");
        execution(id, "failed", "30 minutes", "1 second", error);
        execution(id, "failed", "20 minutes", "1 second", error);

        JsonNode perf = api().get("/api/analytics/performance?range=24h").expect(200).json();
        assertThat(perf.get("execution_rate").get("interval").asText()).isEqualTo("hour");
        JsonNode hours = perf.get("execution_rate").get("buckets");
        assertThat(hours.size()).isBetween(24, 25);
        long failed = StreamSupport.stream(hours.spliterator(), false).mapToLong(h -> h.get("failed").asLong()).sum();
        assertThat(failed).isGreaterThanOrEqualTo(2);
        assertThat(hours.get(0).get("start").asText()).endsWith(":00:00Z");
        assertThat(perf.get("success_rate").asDouble()).isBetween(0.0, 1.0);
        assertThat(perf.get("average_duration_ms").asDouble()).isPositive();
        JsonNode pct = perf.get("duration_percentiles");
        assertThat(pct.get("p50").asDouble()).isLessThanOrEqualTo(pct.get("p95").asDouble());
        assertThat(pct.get("p95").asDouble()).isLessThanOrEqualTo(pct.get("p99").asDouble());
        assertThat(perf.get("error_patterns").findValuesAsText("message")).contains(error);
        JsonNode top = perf.get("error_patterns").findParents("message").stream()
                .filter(e -> e.get("message").asText().equals(error)).findFirst().orElseThrow();
        assertThat(top.get("count").asLong()).isEqualTo(2);
        JsonNode slowest = perf.get("bottlenecks").get(0);
        assertThat(slowest.get("workflow_id").asText()).isEqualTo(id);
        assertThat(slowest.get("workflow_name").asText()).isEqualTo("Slow one");
        assertThat(slowest.get("step_number").asInt()).isEqualTo(2);
        assertThat(slowest.get("action_type").asText()).isEqualTo("report.generate");
        assertThat(slowest.get("p95_ms").asDouble()).isEqualTo(1_500_000.0);
        assertThat(slowest.get("count").asLong()).isEqualTo(1);
    }

    @Test
    void weeksAndMonthsAreChartedByDayInTheCallersZone() {
        String id = createWorkflow("Daily");
        execution(id, "completed", "3 days", "1 second", null);
        execution(id, "failed", "3 days", "1 second", "boom");
        for (String range : new String[] {"7d", "30d"}) {
            JsonNode rate = api().get("/api/analytics/performance?range=" + range + "&tz=Pacific/Kiritimati").expect(200)
                    .json().get("execution_rate");
            assertThat(rate.get("interval").asText()).isEqualTo("day");
            assertThat(rate.get("time_zone").asText()).isEqualTo("Pacific/Kiritimati");
            JsonNode days = rate.get("buckets");
            int expected = range.equals("7d") ? 7 : 30;
            assertThat(days.size()).isBetween(expected, expected + 1);
            // Kiritimati is UTC+14: its days start at 10:00 UTC
            assertThat(days.get(0).get("start").asText()).endsWith("T10:00:00Z");
            assertThat(StreamSupport.stream(days.spliterator(), false).mapToLong(d -> d.get("failed").asLong()).sum())
                    .isGreaterThanOrEqualTo(1);
        }
        JsonNode problem = api().get("/api/analytics/performance?range=7d&tz=%2B05:00").expect(400).json();
        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("tz");
        api().get("/api/analytics/performance?range=7d&tz=Mars/Olympus").expect(400);
    }
}
