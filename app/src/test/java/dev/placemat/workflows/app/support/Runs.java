package dev.placemat.workflows.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Workflows deployed and run through the API, as a user would: by webhook or by hand, waiting for the end. */
public final class Runs {

    private Runs() {}

    /** Deploys {@code definition}, posts {@code body} to its webhook and waits: the execution as the API shows it. */
    public static JsonNode byWebhook(Api api, Api anonymous, Object definition, Object body) {
        String url = api.deploy(definition).get("webhook_url").asText();
        String id = anonymous.post(url, body).expect(202).json().get("execution_ids").get(0).asText();
        return Executions.awaitEnd(api, id);
    }

    /** Deploys {@code definition}, runs it by hand with {@code body} as trigger data and waits for the end. */
    public static JsonNode byHand(Api api, Object definition, Object body) {
        String workflow = api.deploy(definition).get("id").asText();
        return byHand(api, workflow, body);
    }

    /** Runs the deployed workflow by hand and waits for the end. */
    public static JsonNode byHand(Api api, String workflowId, Object body) {
        String id = api.post("/api/workflows/" + workflowId + "/execute", body).expect(202).json()
                .get("execution_id").asText();
        return Executions.awaitEnd(api, id);
    }

    /** Creates or replaces a connection. */
    public static void connection(Api api, String name, String type, Map<String, String> fields) {
        api.put("/api/connections/" + name, Map.of("type", type, "fields", fields)).expect(200);
    }
}
