package dev.placemat.workflows.app.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;

/** Waiting for executions to end, through the API as a user would. */
public final class Executions {

    private static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");

    private Executions() {}

    public static JsonNode awaitEnd(Api api, String executionId) {
        return awaitEnd(api, executionId, Duration.ofSeconds(30));
    }

    /** Waits until the execution has the status, and returns its detail then. */
    public static JsonNode awaitStatus(Api api, String executionId, String status, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            last[0] = api.get("/api/executions/" + executionId).expect(200).json();
            return status.equals(last[0].get("status").asText());
        });
        return last[0];
    }

    public static JsonNode awaitEnd(Api api, String executionId, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode detail = api.get("/api/executions/" + executionId).expect(200).json();
            last[0] = detail;
            return FINAL.contains(detail.get("status").asText());
        });
        return last[0];
    }
}
