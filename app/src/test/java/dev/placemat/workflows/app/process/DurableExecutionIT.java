package dev.placemat.workflows.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.CountingServer;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Accepted executions finish whatever crashes (issue 12), on the packaged platform in a process of its own, killed
 * with SIGKILL mid-way and started again at once: completed steps are not run again (a local service counts the
 * calls), a step in flight runs again when it is safe and stops the execution as {@code interrupted} when it is
 * not, loops and branches go on where they were, and durable waits outlive the process.
 */
class DurableExecutionIT {

    @Test
    void resumesEveryAcceptedExecutionAfterACrashWithoutRepeatingWhatCompleted() throws Exception {
        try (CountingServer service = new CountingServer()) {
            PlatformProcess.test("durable", p -> p.with("WORKFLOWS_OUTBOUND_ALLOW", "127.0.0.1"), platform -> {
                platform.start();
                Api api = platform.api();
                String safe = start(platform, workflow("safe", "[" + http("GET", service.url("safe-1")) + ","
                        + http("GET", service.url("safe-2") + "&ms=4000") + "," + done() + "]"));
                String unsafeRetried = start(platform, workflow("unsafe-retried", "[" + http("POST",
                        service.url("post-retried") + "&ms=4000") + "," + done() + "]"));
                String unsafeSkipped = start(platform, workflow("unsafe-skipped", "[" + http("POST",
                        service.url("post-skipped") + "&ms=4000") + "," + done() + "]"));
                String loop = start(platform, workflow("loop", "[{'action_type':'control.loop','config':{"
                        + "'items_field':'webhook_data.items','loop_actions':["
                        + http("GET", service.url("item-{{loop.item}}")
                        + "&ms=700") + "]}}," + done() + "]"), "{\"items\":[0,1,2,3,4,5]}");
                String branch = start(platform, workflow("branch", "[{'action_type':'control.condition','config':{"
                        + "'conditions':[{'field':'webhook_data.go','operator':'equals','value':true}],'then_actions':["
                        + http("GET", service.url("then-a")) + "," + http("GET", service.url("then-b") + "&ms=4000")
                        + "],'else_actions':[" + http("GET", service.url("else")) + "]}}," + done() + "]"),
                        "{\"go\":true}");
                String postOverridden = start(platform, workflow("post-overridden", "[" + http("POST",
                        service.url("post-overridden") + "&ms=4000", "retry") + "," + done() + "]"));
                String getOverridden = start(platform, workflow("get-overridden", "[" + http("GET",
                        service.url("get-overridden") + "&ms=4000", "ask") + "," + done() + "]"));
                String wait = start(platform, workflow("wait", "[{'action_type':'control.wait','config':"
                        + "{'duration_seconds':60}}," + done() + "]"));
                Instant waitStarted = Instant.now();

                await().atMost(Duration.ofSeconds(30)).until(() -> service.inFlight("safe-2")
                        && service.inFlight("post-retried") && service.inFlight("post-skipped")
                        && service.inFlight("post-overridden") && service.inFlight("get-overridden")
                        && service.inFlight("then-b") && service.calls("item-2") == 1);
                Executions.awaitStatus(api, wait, "waiting", Duration.ofSeconds(10));
                api.post("/api/executions/" + safe + "/resume", "{\"step\":\"2\",\"mode\":\"retry\"}")
                        .expect(409);
                platform.crash();
                platform.start();

                JsonNode safeEnd = Executions.awaitEnd(api, safe, Duration.ofSeconds(30));
                assertThat(safeEnd.get("status").asText()).isEqualTo("completed");
                assertThat(service.calls("safe-1")).as("a completed step is not run again").isEqualTo(1);
                assertThat(service.calls("safe-2")).as("a safe step in flight runs again").isEqualTo(2);
                assertThat(statuses(safeEnd, "2")).containsExactly("failed", "completed");
                assertThat(safeEnd.get("resume_count").asInt()).isEqualTo(1);
                assertThat(safeEnd.get("runs").get(1).get("reason").asText()).startsWith("recovered after node");

                JsonNode loopEnd = Executions.awaitEnd(api, loop, Duration.ofSeconds(30));
                assertThat(loopEnd.get("status").asText()).isEqualTo("completed");
                assertThat(service.calls("item-0")).isEqualTo(1);
                assertThat(service.calls("item-1")).isEqualTo(1);
                assertThat(service.calls("item-2")).as("the item in flight runs again").isEqualTo(2);
                for (int i = 3; i < 6; i++) {
                    assertThat(service.calls("item-" + i)).isEqualTo(1);
                }
                assertThat(loopEnd.get("execution_data").get("step_1").get("results")).hasSize(6);

                JsonNode branchEnd = Executions.awaitEnd(api, branch, Duration.ofSeconds(30));
                assertThat(branchEnd.get("status").asText()).isEqualTo("completed");
                assertThat(service.calls("then-a")).isEqualTo(1);
                assertThat(service.calls("then-b")).isEqualTo(2);
                assertThat(service.calls("else")).isZero();

                JsonNode overriddenEnd = Executions.awaitEnd(api, postOverridden, Duration.ofSeconds(30));
                assertThat(overriddenEnd.get("status").asText()).isEqualTo("completed");
                assertThat(service.calls("post-overridden")).as("on_interrupt retry runs a POST again").isEqualTo(2);

                for (String id : List.of(unsafeRetried, unsafeSkipped, getOverridden)) {
                    JsonNode interrupted = Executions.awaitStatus(api, id, "interrupted", Duration.ofSeconds(30));
                    assertThat(interrupted.get("interrupted_step").asText()).isEqualTo("1");
                    assertThat(interrupted.get("error_message").asText()).contains("not safe to run twice");
                    assertThat(statuses(interrupted, "1")).containsExactly("interrupted");
                }
                assertThat(service.calls("post-retried")).isEqualTo(1);
                assertThat(service.calls("post-skipped")).isEqualTo(1);
                assertThat(service.calls("get-overridden")).as("on_interrupt ask keeps a GET from running again")
                        .isEqualTo(1);

                refusesBadResumes(platform, unsafeRetried, safe);
                api.post("/api/executions/" + unsafeRetried + "/resume", "{\"step\":\"1\",\"mode\":\"retry\"}")
                        .expect(202);
                api.post("/api/executions/" + unsafeSkipped + "/resume", "{\"step\":\"1\",\"mode\":\"skip\"}")
                        .expect(202);
                JsonNode retried = Executions.awaitEnd(api, unsafeRetried, Duration.ofSeconds(30));
                assertThat(retried.get("status").asText()).isEqualTo("completed");
                assertThat(service.calls("post-retried")).as("retry runs the step again").isEqualTo(2);
                JsonNode skipped = Executions.awaitEnd(api, unsafeSkipped, Duration.ofSeconds(30));
                assertThat(skipped.get("status").asText()).isEqualTo("completed");
                assertThat(service.calls("post-skipped")).as("skip does not run it").isEqualTo(1);
                assertThat(skipped.get("execution_data").get("step_1").size()).isZero();
                assertThat(skipped.get("runs").get(skipped.get("runs").size() - 1).get("reason").asText())
                        .contains("skip step 1");

                JsonNode waited = Executions.awaitEnd(api, wait, Duration.ofSeconds(90));
                assertThat(waited.get("status").asText()).isEqualTo("completed");
                assertThat(Duration.between(waitStarted, Instant.parse(waited.get("completed_at").asText())))
                        .isBetween(Duration.ofSeconds(59), Duration.ofSeconds(75));
                assertThat(statuses(waited, "1")).containsExactly("completed");
            });
        }
    }

    @Test
    void aWaitOutlivesAFullStopHoldingNothingWhileItWaitsAndAStopFailsNothing() throws Exception {
        try (CountingServer service = new CountingServer()) {
            PlatformProcess.test("wait", p -> p.with("WORKFLOWS_OUTBOUND_ALLOW", "127.0.0.1"), platform -> {
                platform.start();
                Api api = platform.api();
                String id = start(platform, workflow("long wait", "[{'action_type':'control.wait','config':"
                        + "{'duration_seconds':35}}," + done() + "]"));
                JsonNode waiting = Executions.awaitStatus(api, id, "waiting", Duration.ofSeconds(10));
                assertThat(waiting.get("resume_at").asText()).isNotBlank();
                assertThat(statuses(waiting, "1")).containsExactly("waiting");
                assertThat(metric(platform, "placemat_executions_live")).as("no execution holds a thread or lease")
                        .isZero();
                String busy = start(platform, workflow("busy at the stop", "[" + http("GET", service.url("stop-1")
                        + "&ms=2000") + "," + http("GET", service.url("stop-2")) + "]"));
                await().atMost(Duration.ofSeconds(10)).until(() -> service.inFlight("stop-1"));
                platform.stop();
                assertThat(service.calls("stop-1")).as("the step in flight was let finish").isEqualTo(1);
                Thread.sleep(40_000);
                platform.start();
                JsonNode afterStop = Executions.awaitEnd(api, busy, Duration.ofSeconds(30));
                assertThat(afterStop.get("status").asText()).as("a planned stop fails nothing").isEqualTo("completed");
                assertThat(service.calls("stop-1")).as("what finished before the stop is not run again").isEqualTo(1);
                JsonNode done = Executions.awaitEnd(api, id, Duration.ofSeconds(30));
                assertThat(done.get("status").asText()).isEqualTo("completed");
                assertThat(done.get("execution_data").get("step_2").asText()).isEqualTo("done");
                JsonNode runs = done.get("runs");
                assertThat(runs.get(runs.size() - 1).get("reason").asText()).isEqualTo("resumed after its wait");
            });
        }
    }

    /**
     * Resume refuses what cannot be resumed: 409 for an execution that is not interrupted (a running one is refused
     * before the crash), 422 for another step or one the workflow does not have.
     */
    private static void refusesBadResumes(PlatformProcess platform, String interrupted, String completed) {
        Api api = platform.api();
        api.post("/api/executions/" + completed + "/resume", "{\"step\":\"1\",\"mode\":\"retry\"}").expect(409);
        JsonNode wrongStep = api.post("/api/executions/" + interrupted + "/resume",
                "{\"step\":\"2\",\"mode\":\"retry\"}").expect(422).json();
        assertThat(wrongStep.get("errors").get(0).get("path").asText()).isEqualTo("step");
        JsonNode unknownStep = api.post("/api/executions/" + interrupted + "/resume",
                "{\"step\":\"no-such-step\",\"mode\":\"retry\"}").expect(422).json();
        assertThat(unknownStep.get("errors").get(0).get("path").asText()).isEqualTo("step");
        api.post("/api/executions/" + interrupted + "/resume", "{\"step\":\"1\",\"mode\":\"later\"}").expect(422);
        api.post("/api/users", "{\"username\":\"vera\",\"password\":\"a-viewer-password\",\"role\":\"viewer\"}")
                .expect(201);
        Api viewer = Api.session(platform.port(), "vera", "a-viewer-password");
        viewer.post("/api/executions/" + interrupted + "/resume", "{\"step\":\"1\",\"mode\":\"retry\"}").expect(403);
    }

    private static String start(PlatformProcess platform, String definition) {
        return start(platform, definition, "{}");
    }

    private static String start(PlatformProcess platform, String definition, String data) {
        String url = platform.api().deploy(Json.of(definition)).get("webhook_url").asText();
        return platform.anonymous().post(url, data).expect(202).json().get("execution_ids").get(0).asText();
    }

    private static String workflow(String name, String steps) {
        return "{'name':'" + name + "','trigger':{'type':'webhook','config':{}},'steps':" + steps + "}";
    }

    private static String http(String method, String url) {
        return http(method, url, null);
    }

    /** An HTTP step; an on_interrupt other than null overrides what its method would say. */
    private static String http(String method, String url, String onInterrupt) {
        return "{'action_type':'http.request','config':{'method':'" + method + "','url':'" + url
                + "','timeout_seconds':30},'retry_config':{'max_retries':0}"
                + (onInterrupt == null ? "" : ",'on_interrupt':'" + onInterrupt + "'") + "}";
    }

    private static String done() {
        return "{'action_type':'data.transform','config':{'expression':'`done`'}}";
    }

    /** The statuses of a step's attempts, in order. */
    private static List<String> statuses(JsonNode execution, String stepKey) {
        List<String> out = new ArrayList<>();
        StreamSupport.stream(execution.get("steps").spliterator(), false)
                .filter(s -> s.get("step_key").asText().equals(stepKey))
                .forEach(s -> out.add(s.get("status").asText()));
        return out;
    }

    private static double metric(PlatformProcess platform, String name) {
        String text = platform.api().get("/actuator/prometheus").expect(200).text();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
