package dev.placemat.workflows.app.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Runs;
import dev.placemat.workflows.fixtures.NotionStandIn;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, points 4 and 5 with Notion: each value is written as its column's type in the database's schema (a name
 * cannot go into a people column; numbers are plain; long text is split at 2,000 characters), and a create whose
 * answer was lost is found on the retry instead of being made twice.
 */
class NotionSchemaIT extends IntegrationTest {

    private static final String TOKEN = "secret_notion-schema-it-token";
    private static NotionStandIn notion;

    @BeforeAll
    static void start() {
        notion = NotionStandIn.start(TOKEN).database("ns-projects", Map.of("Name", "title", "Lead", "people",
                "Revenue Potential", "number", "Description", "rich_text", "Placemat Run", "rich_text"));
    }

    @AfterAll
    static void stop() {
        notion.close();
    }

    @BeforeEach
    void connection() {
        notion.reset();
        Runs.connection(api(), "ns-notion", "notion", Map.of("token", TOKEN, "projects_database_id", "ns-projects",
                "base_url", notion.baseUrl()));
    }

    private JsonNode create(String projectData, Object body) {
        return Runs.byWebhook(api(), anonymous(), Json.of("{'name':'Projects','trigger':{'type':'webhook','config':{}},"
                + "'steps':[{'action_type':'notion.create_project','config':{'connection':'ns-notion','project_data':"
                + projectData + "},'retry_config':{'max_retries':2,'retry_delay':100}}]}"), body);
    }

    @Test
    void aNameForAPeopleColumnFailsTheStepNamingTheColumnAndTheValue() {
        JsonNode execution = create("{'name':'{{webhook_data.project}}','lead':'{{webhook_data.lead}}'}",
                Map.of("project", "Harbour", "lead", "Ann Lee"));

        assertThat(execution.get("status").asText()).isEqualTo("failed");
        assertThat(execution.get("steps")).hasSize(1);
        assertThat(execution.get("error_message").asText()).startsWith("the Notion column 'Lead' (people) cannot "
                + "take 'Ann Lee': it holds Notion users: give a user id");
        assertThat(notion.pagesIn("ns-projects")).isEmpty();
    }

    @Test
    void writesNumbersPlainlyAndSplitsLongText() {
        JsonNode execution = create("{'name':'{{webhook_data.project}}','revenue_potential':'{{webhook_data.amount}}',"
                + "'description':'{{webhook_data.notes}}','lead':'{{webhook_data.lead}}'}",
                "{\"project\": \"Harbour\", \"amount\": 3E+4, \"notes\": \"" + "n".repeat(4500) + "\", "
                        + "\"lead\": \"7d1f0a5e-2c44-4b8a-9d57-0a1b2c3d4e5f\"}");

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        JsonNode page = notion.pagesIn("ns-projects").get(0).path("properties");
        assertThat(page.path("Revenue Potential").path("number").toString()).isEqualTo("30000");
        assertThat(page.path("Description").path("rich_text")).hasSize(3);
        assertThat(notion.server().getAllServeEvents()).filteredOn(e -> e.getRequest().getUrl().equals("/v1/pages"))
                .allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).doesNotContain("E+"));
        assertThat(execution.get("execution_data").get("step_1").get("revenue_potential").toString())
                .isEqualTo("30000");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundOnTheRetryInsteadOfMadeTwice() {
        notion.loseNextCreateAnswer(502);

        JsonNode execution = create("{'name':'Once only'}", Map.of());

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(execution.get("steps")).hasSize(2);
        assertThat(notion.pagesIn("ns-projects")).hasSize(1);
        assertThat(execution.get("execution_data").get("step_1").get("id").asText())
                .isEqualTo(notion.pagesIn("ns-projects").get(0).path("id").asText());
    }
}
