package dev.placemat.workflows.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RedeployUnderLoadIT extends IntegrationTest {

    private static JsonNode version(int n) {
        return Json.of("{'name':'hot','trigger':{'type':'webhook','config':{}},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'`v" + n + "`'}},"
                + "{'action_type':'control.wait','config':{'duration_seconds':0.05}},"
                + "{'action_type':'data.transform','config':{'expression':'step_1'}}]}");
    }

    @Test
    void redeployingUnderASteadyStreamOfRequestsFailsNone() throws Exception {
        Api api = api();
        JsonNode workflow = api.deploy(version(1));
        String id = workflow.get("id").asText();
        String url = workflow.get("webhook_url").asText();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> executions = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                Api client = anonymous();
                long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (running.get() && System.nanoTime() < stopAt) {
                    Api.Answer answer = client.post(url, Map.of("x", 1));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 202) {
                        executions.add(answer.json().get("execution_ids").get(0).asText());
                    }
                }
            });
        }
        for (int v = 2; v <= 6; v++) {
            Thread.sleep(300);
            api.put("/api/workflows/" + id, version(v)).expect(200);
            api.post("/api/workflows/" + id + "/deploy", null).expect(200);
        }
        Thread.sleep(300);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(statuses.keySet()).containsOnly(202);
        assertThat(executions.size()).isGreaterThan(20);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM workflow_executions WHERE workflow_id = ?::uuid AND status <> 'completed'")
                .param(id).query(Long.class).single()).isZero());
        List<Integer> versions = jdbc.sql("SELECT DISTINCT workflow_version FROM workflow_executions "
                + "WHERE workflow_id = ?::uuid ORDER BY 1").param(id).query(Integer.class).list();
        assertThat(versions).contains(1, 6);
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_executions WHERE workflow_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(executions.size());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM workflow_executions e WHERE workflow_id = ?::uuid AND "
                        + "(SELECT count(*) FROM step_executions s WHERE s.execution_id = e.id) <> 3")
                .param(id).query(Long.class).single()).isZero());
    }
}
