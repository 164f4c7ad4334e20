package dev.placemat.workflows.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hawtio is served by the app, behind the platform's sign-in (admin only), and shows the workflows' routes by name
 * and version once they ran (a deployed workflow's route is loaded on its first execution).
 */
class HawtioIT extends IntegrationTest {

    private static final String JOLOKIA = "/actuator/hawtio/jolokia";

    @Test
    void theConsoleNeedsAnAdmin() {
        anonymous().get("/actuator/hawtio/").expect(401);
        anonymous().post("/actuator/jolokia", Map.of("type", "version")).expect(401);
        anonymous().post(JOLOKIA, Map.of("type", "version")).expect(401);
        Api.Answer page = api().get("/actuator/hawtio/").expect(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).containsIgnoringCase("hawtio");
    }

    @Test
    void hawtiosJolokiaShowsARunWorkflowsRouteByItsNameAndVersion() {
        JsonNode workflow = api().deploy(Json.of("{'name':'Seen in the console','trigger':{'type':'webhook',"
                + "'config':{}},'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]}"));
        String id = anonymous().post(workflow.get("webhook_url").asText(), "{}").expect(202).json()
                .get("execution_ids").get(0).asText();
        assertThat(Executions.awaitEnd(api(), id).get("status").asText()).isEqualTo("completed");
        String webhookRoute = "webhooks";
        String bodyRoutePrefix = "Seen in the console (v1)";

        JsonNode search = jolokia(Map.of("type", "search", "mbean", "org.apache.camel:type=routes,*"));
        List<String> mbeans = new ArrayList<>();
        search.get("value").forEach(name -> mbeans.add(name.asText()));
        String webhookMBean = mbeans.stream().filter(n -> n.contains("name=\"" + webhookRoute + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError(webhookRoute + " not among " + mbeans));
        String bodyMBean = mbeans.stream().filter(n -> n.contains("name=\"" + bodyRoutePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError(bodyRoutePrefix + "* not among " + mbeans));

        for (String mbean : List.of(webhookMBean, bodyMBean)) {
            JsonNode route = jolokia(Map.of("type", "read", "mbean", mbean,
                    "attribute", List.of("RouteId", "State"))).get("value");
            assertThat(mbean).contains("name=\"" + route.get("RouteId").asText() + "\"");
            assertThat(route.get("State").asText()).isEqualTo("Started");
        }
        JsonNode description = jolokia(Map.of("type", "read", "mbean", bodyMBean, "attribute", "Description"));
        assertThat(description.get("value").asText()).contains(workflow.get("id").asText());
    }

    private JsonNode jolokia(Map<String, Object> request) {
        JsonNode answer = api().post(JOLOKIA, request).expect(200).json();
        assertThat(answer.get("status").asInt()).as("Jolokia answer %s", answer).isEqualTo(200);
        return answer;
    }
}
