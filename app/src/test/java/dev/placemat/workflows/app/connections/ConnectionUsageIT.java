package dev.placemat.workflows.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import org.junit.jupiter.api.Test;

/** Which workflows use a connection: steps naming it, nested ones included, and no others. */
class ConnectionUsageIT extends IntegrationTest {

    private String workflow(String name, String stepsJson) {
        return api().post("/api/workflows", Json.of("{'name':'" + name + "','trigger':{'type':'manual','config':{}},"
                + "'steps':" + stepsJson + "}")).expect(201).json().get("id").asText();
    }

    @Test
    void listsTheWorkflowsWhoseStepsNameTheConnection() {
        String nested = workflow("Uses ledger in a branch", "[{'action_type':'control.condition','config':{"
                + "'conditions':[{'field':'x','operator':'equals','value':1}],"
                + "'then_actions':[{'action_type':'data.query','config':{'connection':'ledger-usage',"
                + "'query':'SELECT 1'}}],'else_actions':[]}}]");
        workflow("Uses another", "[{'action_type':'data.query','config':{'connection':'ledger-usage-2',"
                + "'query':'SELECT 1'}}]");
        JsonNode using = api().get("/api/connections/ledger-usage/workflows").expect(200).json();
        assertThat(using).hasSize(1);
        assertThat(using.get(0).get("id").asText()).isEqualTo(nested);
        assertThat(using.get(0).get("name").asText()).isEqualTo("Uses ledger in a branch");
        assertThat(using.get(0).get("deployed").asBoolean()).isFalse();
        assertThat(api().get("/api/connections/nobody-uses-this/workflows").expect(200).json()).isEmpty();
    }
}
