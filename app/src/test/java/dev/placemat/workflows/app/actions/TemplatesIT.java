package dev.placemat.workflows.app.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Stub;
import dev.placemat.workflows.fixtures.NotionStandIn;
import dev.placemat.workflows.fixtures.SlackStandIn;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The design's three templates, instantiated from the gallery and run end to end against real local servers:
 * GreenMail for SMTP, stand-ins for Notion (which checks every property against the database schema below) and a
 * Slack incoming webhook, a second database in the embedded PostgreSQL for finance data.
 */
class TemplatesIT extends IntegrationTest {

    static final String OPPORTUNITY_WON = "5f1b7c2e-0001-4a5e-9a10-6f3c2d0e0001";
    static final String WEEKLY_REPORT = "5f1b7c2e-0002-4a5e-9a10-6f3c2d0e0002";
    static final String BUDGET_ALERT = "5f1b7c2e-0003-4a5e-9a10-6f3c2d0e0003";
    static final String NOTION_TOKEN = "canary-notion-token-7f3a9c";
    static final String PAGE = "59833787-2cf9-4fdf-8782-e53db20768a5";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    /** The projects database as the templates expect it: each property the templates write, with its type. */
    static final Map<String, String> PROJECTS = Map.of("Name", "title", "Area", "select", "Status", "status",
            "Funding", "select", "Lead", "rich_text", "Revenue Potential", "number", "Tags", "multi_select",
            "Description", "rich_text", "Placemat Run", "rich_text");

    private static NotionStandIn notion;
    private static SlackStandIn slack;

    @Autowired
    DataSource platformDatabase;

    @BeforeAll
    static void startStubs() {
        notion = NotionStandIn.start(NOTION_TOKEN).database("db-projects", PROJECTS);
        slack = SlackStandIn.start();
    }

    @AfterAll
    static void stopStubs() {
        notion.close();
        slack.close();
    }

    @BeforeEach
    void connectionsAndFinanceData() throws Exception {
        String url;
        try (var c = platformDatabase.getConnection()) {
            url = c.getMetaData().getURL();
        }
        String financeUrl = url.replaceFirst("/postgres(\\?.*)?$", "/finance");
        var superuser = org.springframework.jdbc.core.simple.JdbcClient.create(new org.springframework.jdbc.datasource
                .DriverManagerDataSource(url, "postgres", databaseCredentials().superuserPassword()));
        if (superuser.sql("SELECT count(*) FROM pg_database WHERE datname = 'finance'").query(Long.class)
                .single() == 0) {
            superuser.sql("CREATE DATABASE finance").update();
        }
        connection("finance", "database", Map.of("url", financeUrl, "username", "postgres",
                "password", databaseCredentials().superuserPassword()));
        notion.reset();
        notion.page("db-projects", PAGE, "Harbour Clean-up");
        slack.reset();
        connection("notion", "notion", Map.of("token", NOTION_TOKEN, "projects_database_id", "db-projects",
                "base_url", notion.baseUrl()));
        connection("smtp", "smtp", Map.of("host", "127.0.0.1", "port", String.valueOf(MAIL.getSmtp().getPort()),
                "from", "workflows@act.org.au", "starttls", "false"));
        connection("slack", "slack", Map.of("webhook_url", slack.webhookUrl()));
        var finance = new org.springframework.jdbc.datasource.DriverManagerDataSource(financeUrl, "postgres",
                databaseCredentials().superuserPassword());
        var sql = org.springframework.jdbc.core.simple.JdbcClient.create(finance);
        sql.sql("CREATE TABLE IF NOT EXISTS project_budgets (project_id text PRIMARY KEY, project_name text, "
                + "lead_email text, budget_utilization numeric)").update();
        sql.sql("CREATE TABLE IF NOT EXISTS financial_transactions (id serial, category text, project text, "
                + "amount numeric, created_at timestamptz DEFAULT now())").update();
        sql.sql("TRUNCATE project_budgets, financial_transactions").update();
        sql.sql("INSERT INTO project_budgets VALUES ('" + PAGE + "', 'Harbour Clean-up', 'lead@act.org.au', 95), "
                + "('p-calm', 'Calm Project', 'calm@act.org.au', 40)").update();
        sql.sql("INSERT INTO financial_transactions (category, project, amount) VALUES ('Travel', 'Harbour', 120.50), "
                + "('Travel', 'Harbour', 79.50), ('Equipment', 'Library', 1000)").update();
    }

    private void connection(String name, String type, Map<String, String> fields) {
        api().put("/api/connections/" + name, Map.of("type", type, "fields", fields)).expect(200);
    }

    private JsonNode runTemplate(String templateId, Object triggerData) {
        JsonNode workflow = api().post("/api/templates/" + templateId + "/instantiate", null).expect(201).json();
        String id = workflow.get("id").asText();
        api().post("/api/workflows/" + id + "/deploy", null).expect(200);
        String execution = api().post("/api/workflows/" + id + "/execute", triggerData).expect(202).json()
                .get("execution_id").asText();
        return Executions.awaitEnd(api(), execution);
    }

    @Test
    void listsTheDesignsThreeTemplatesAndCountsTheirUse() {
        JsonNode templates = api().get("/api/templates").expect(200).json();
        assertThat(templates).extracting(t -> t.get("name").asText()).contains("Opportunity Won - Project Setup",
                "Weekly Financial Report", "Budget Overspend Alert");
        int before = usage(templates, WEEKLY_REPORT);
        api().post("/api/templates/" + WEEKLY_REPORT + "/instantiate", null).expect(201);
        assertThat(usage(api().get("/api/templates").expect(200).json(), WEEKLY_REPORT)).isEqualTo(before + 1);
    }

    private static int usage(JsonNode templates, String id) {
        for (JsonNode t : templates) {
            if (t.get("id").asText().equals(id)) {
                return t.get("usage_count").asInt();
            }
        }
        throw new AssertionError("no template " + id);
    }

    @Test
    void opportunityWonCreatesTheProjectMailsTheContactAndTellsSlack() throws Exception {
        JsonNode execution = runTemplate(OPPORTUNITY_WON, Map.of("event_data", Map.of("new_stage", "Closed Won",
                "opportunity", Map.of("name", "Harbour Clean-up", "area", "Environment", "amount", 25000,
                        "primary_contact", Map.of("name", "Ann Lee", "email", "ann@partner.org")))));
        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        notion.server().verify(postRequestedFor(urlEqualTo("/v1/pages"))
                .withHeader("Authorization", containing(NOTION_TOKEN))
                .withHeader("Idempotency-Key", equalTo(execution.get("id").asText() + ":1")));
        JsonNode project = notion.pagesIn("db-projects").stream()
                .filter(p -> !p.path("id").asText().equals(PAGE)).findFirst().orElseThrow().path("properties");
        assertThat(project.path("Name").path("title").path(0).path("plain_text").asText())
                .isEqualTo("Harbour Clean-up - Project");
        assertThat(project.path("Lead").path("rich_text").path(0).path("plain_text").asText()).isEqualTo("Ann Lee");
        assertThat(project.path("Revenue Potential").path("number").asInt()).isEqualTo(25000);
        assertThat(project.path("Status").path("status").path("name").asText()).isEqualTo("Active");
        MimeMessage mail = MAIL.getReceivedMessagesForDomain("partner.org")[0];
        assertThat(mail.getSubject()).isEqualTo("Welcome aboard: Harbour Clean-up - Project");
        assertThat(GreenMailUtil.getBody(mail)).contains("25000");
        assertThat(slack.messages()).extracting(m -> m.path("text").asText())
                .containsExactly("🎉 New project won: Harbour Clean-up - Project worth 25000");
        assertThat(slack.messages().get(0).path("channel").asText()).isEqualTo("#wins");
        assertNoSecretStored();
    }

    @Test
    void weeklyReportAggregatesRendersAPdfAndMailsIt() throws Exception {
        JsonNode execution = runTemplate(WEEKLY_REPORT, Map.of());
        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        MimeMessage mail = MAIL.getReceivedMessagesForDomain("act.org.au")[0];
        assertThat(mail.getSubject()).startsWith("Weekly Financial Report - 20");
        BodyPart attachment = ((Multipart) mail.getContent()).getBodyPart(1);
        assertThat(attachment.getContentType()).contains("application/pdf");
        try (var pdf = Loader.loadPDF(attachment.getInputStream().readAllBytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Travel", "Equipment", "200");
        }
    }

    @Test
    void budgetAlertMailsTheLeadAndTagsTheProjectOnlyWhenOverNinetyPercent() throws Exception {
        JsonNode quiet = runTemplate(BUDGET_ALERT, Map.of("event_data", Map.of("project_id", "p-calm")));
        assertThat(quiet.get("status").asText()).isEqualTo("completed");
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        JsonNode alert = runTemplate(BUDGET_ALERT, Map.of("event_data", Map.of("project_id", PAGE)));
        assertThat(alert.get("status").asText()).as(alert.toString()).isEqualTo("completed");
        MimeMessage mail = MAIL.getReceivedMessagesForDomain("act.org.au")[0];
        assertThat(mail.getSubject()).isEqualTo("Budget alert: Harbour Clean-up at 95%");
        assertThat(List.of(mail.getAllRecipients())).extracting(Object::toString)
                .contains("lead@act.org.au", "finance@act.org.au");
        JsonNode tagged = notion.pagesIn("db-projects").get(0).path("properties").path("Tags").path("multi_select");
        assertThat(tagged).extracting(t -> t.path("name").asText()).containsExactly("Budget Alert");
    }

    @Test
    void aSqlInjectionThroughAParameterLeavesTheTableIntact() {
        JsonNode execution = runTemplate(BUDGET_ALERT, Map.of("event_data",
                Map.of("project_id", "x'; DROP TABLE project_budgets; --")));
        assertThat(execution.get("status").asText()).isEqualTo("completed");
        assertThat(execution.get("execution_data").get("step_1").get("row_count").asInt()).isZero();
        var finance = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                jdbcUrl().replaceFirst("/postgres(\\?.*)?$", "/finance"), "postgres",
                databaseCredentials().superuserPassword());
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(finance)
                .sql("SELECT count(*) FROM project_budgets").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void connectionSecretsAreMaskedAndNeverStoredInExecutions() {
        JsonNode shown = api().get("/api/connections/notion").expect(200).json();
        assertThat(shown.get("fields").get("token").asText()).isEqualTo("********");
        assertThat(shown.toString()).doesNotContain(NOTION_TOKEN);
        WireMockServer echoing = Stub.start();
        echoing.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"token " + NOTION_TOKEN + " is invalid\"}")));
        connection("notion", "notion", Map.of("token", NOTION_TOKEN, "projects_database_id", "db-projects",
                "base_url", "http://127.0.0.1:" + echoing.port()));
        try {
            JsonNode failed = runTemplate(OPPORTUNITY_WON, Map.of("event_data", Map.of("opportunity",
                    Map.of("name", "Echo", "primary_contact", Map.of("name", "E", "email", "e@x.org")))));
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.toString()).doesNotContain(NOTION_TOKEN);
            assertNoSecretStored();
        } finally {
            echoing.stop();
        }
    }

    private void assertNoSecretStored() {
        String like = "%" + NOTION_TOKEN + "%";
        assertThat(jdbc.sql("SELECT count(*) FROM step_executions WHERE input_data::text LIKE :s OR "
                + "output_data::text LIKE :s OR error_message LIKE :s").param("s", like).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_executions WHERE execution_data::text LIKE :s OR "
                + "trigger_data::text LIKE :s OR error_message LIKE :s").param("s", like).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM connections WHERE sealed LIKE :s").param("s", like)
                .query(Long.class).single()).isZero();
    }

    private String jdbcUrl() {
        try (var c = platformDatabase.getConnection()) {
            return c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
