package dev.placemat.workflows.app.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Runs;
import dev.placemat.workflows.fixtures.LocalHttpServer.Reply;
import dev.placemat.workflows.fixtures.LocalHttpServer;
import dev.placemat.workflows.fixtures.SlackStandIn;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, points 2, 5 and 7, and the HTTP part of issue 12 point 2: what outbound calls carry. Values from
 * templates are escaped for Slack and for HTML mail (the author's markup stays), a header refuses a line break,
 * numbers are written as people write them, a failure records the answer's status line, content type and the start
 * of its body, and every attempt of a step sends the same {@code Idempotency-Key}.
 */
class OutboundTextIT extends IntegrationTest {

    private static final String HOSTILE = "<!channel> AT&T <https://evil.test|click>";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    private static SlackStandIn slack;
    private static LocalHttpServer http;

    @BeforeAll
    static void start() {
        slack = SlackStandIn.start();
        http = LocalHttpServer.start();
    }

    @AfterAll
    static void stop() {
        slack.close();
        http.close();
    }

    private static String webhook(String steps) {
        return "{'name':'Outbound text','trigger':{'type':'webhook','config':{}},'steps':" + steps + "}";
    }

    /** The webhook body as a form would post it, with a number written in exponent form by some client. */
    private static String body() {
        return "{\"name\": \"" + HOSTILE + "\", \"amount\": 3E+4}";
    }

    @Test
    void slackTextEscapesWhatTemplatesPutInAndKeepsTheAuthorsFormatting() {
        Runs.connection(api(), "ot-slack", "slack", Map.of("webhook_url", slack.webhookUrl()));
        slack.reset();

        JsonNode execution = Runs.byWebhook(api(), anonymous(), Json.of(webhook("[{'action_type':'slack.send_message',"
                + "'config':{'connection':'ot-slack','message':'*New lead*: {{webhook_data.name}} for "
                + "{{webhook_data.amount}}'}}]")), body());

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(slack.messages()).extracting(m -> m.get("text").asText()).containsExactly(
                "*New lead*: &lt;!channel&gt; AT&amp;T &lt;https://evil.test|click&gt; for 30000");
    }

    @Test
    void slackBlocksAndAttachmentsEscapeTheirTextButNotTheirLinks() {
        Runs.connection(api(), "ot-slack-blocks", "slack", Map.of("webhook_url", slack.webhookUrl()));
        slack.reset();
        String escaped = "&lt;!channel&gt; AT&amp;T &lt;https://evil.test|click&gt;";

        JsonNode execution = Runs.byWebhook(api(), anonymous(), Json.of(webhook("[{'action_type':'slack.send_message',"
                + "'config':{'connection':'ot-slack-blocks','message':'lead','blocks':[{'type':'section','text':{"
                + "'type':'mrkdwn','text':'*Lead*: {{webhook_data.name}}'},'fields':[{'type':'plain_text','text':"
                + "'{{webhook_data.name}}'}],'accessory':{'type':'button','text':{'type':'plain_text','text':'Open'},"
                + "'url':'https://crm.example.org/leads?id=7&name={{webhook_data.amount}}'}},{'type':'context',"
                + "'elements':[{'type':'mrkdwn','text':'{{webhook_data.name}}'}]}],'attachments':[{'pretext':"
                + "'{{webhook_data.name}}','fields':[{'title':'Who','value':'{{webhook_data.name}}'}]}]}}]")), body());

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        JsonNode posted = slack.messages().get(0);
        JsonNode section = posted.get("blocks").get(0);
        assertThat(section.get("text").get("text").asText()).isEqualTo("*Lead*: " + escaped);
        assertThat(section.get("fields").get(0).get("text").asText()).isEqualTo(escaped);
        assertThat(section.get("accessory").get("url").asText())
                .isEqualTo("https://crm.example.org/leads?id=7&name=30000");
        assertThat(posted.get("blocks").get(1).get("elements").get(0).get("text").asText()).isEqualTo(escaped);
        assertThat(posted.get("attachments").get(0).get("pretext").asText()).isEqualTo(escaped);
        assertThat(posted.get("attachments").get(0).get("fields").get(0).get("value").asText()).isEqualTo(escaped);
    }

    @Test
    void htmlMailEscapesWhatTemplatesPutInAndASubjectRefusesALineBreak() throws Exception {
        Runs.connection(api(), "ot-smtp", "smtp", Map.of("host", "127.0.0.1", "port",
                String.valueOf(MAIL.getSmtp().getPort()), "from", "workflows@act.org.au", "tls_mode", "none"));

        JsonNode sent = Runs.byWebhook(api(), anonymous(), Json.of(webhook("[{'action_type':'email.send','config':{"
                + "'connection':'ot-smtp','to':'ann@partner.org','subject':'Lead {{webhook_data.amount}}',"
                + "'html_body':'<p><b>{{webhook_data.name}}</b></p>'}}]")), body());
        JsonNode refused = Runs.byWebhook(api(), anonymous(), Json.of(webhook("[{'action_type':'email.send','config':{"
                + "'connection':'ot-smtp','to':'ann@partner.org','subject':'Re: {{webhook_data.name}}','body':'b'}}]")),
                Map.of("name", "hello\r\nBcc: everyone@example.org"));

        assertThat(sent.get("status").asText()).as(sent.toString()).isEqualTo("completed");
        MimeMessage mail = MAIL.getReceivedMessagesForDomain("partner.org")[0];
        assertThat(mail.getSubject()).isEqualTo("Lead 30000");
        assertThat(GreenMailUtil.getBody(mail))
                .contains("<p><b>&lt;!channel&gt; AT&amp;T &lt;https://evil.test|click&gt;</b></p>");
        assertThat(refused.get("status").asText()).isEqualTo("failed");
        assertThat(refused.get("error_message").asText()).startsWith("subject holds a line break");
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anHttpFailureRecordsTheStatusLineTheContentTypeAndTheStartOfTheBody() {
        http.route("/orders", Reply.of(500, "application/problem+json",
                "{\"title\":\"database is down\",\"detail\":\"" + "x".repeat(5000) + "\"}"));

        JsonNode execution = Runs.byWebhook(api(), anonymous(), Json.of(webhook("[{'action_type':'http.request',"
                + "'config':{'method':'POST','url':'" + http.url("/orders") + "','body':{'amount':'{{webhook_data.amount}}'}},"
                + "'retry_config':{'max_retries':0}}]")), body());

        assertThat(execution.get("status").asText()).isEqualTo("failed");
        String error = execution.get("steps").get(0).get("error").asText();
        assertThat(error).startsWith("HTTP 500 Internal Server Error from 127.0.0.1: (application/problem+json) "
                + "{\"title\":\"database is down\",\"detail\":\"xxx").endsWith("x ...");
        assertThat(error.length()).isLessThan(2300);
        assertThat(http.requests("/orders").get(0).body()).isEqualTo("{\"amount\":30000}");
    }

    @Test
    void moneyFromAWebhookGoesOutAsItWasSent() {
        http.route("/invoices", Reply.of(201, "application/json", "{}"));

        JsonNode execution = Runs.byWebhook(api(), anonymous(), Json.of(webhook("[{'action_type':'http.request',"
                + "'config':{'method':'POST','url':'" + http.url("/invoices") + "','body':{'total':"
                + "'{{webhook_data.total}}','fee':'{{webhook_data.fee}}','line':'Total {{webhook_data.total}}'}}}]")),
                "{\"total\": 12345678901234567.89, \"fee\": 12.50}");

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(http.requests("/invoices").get(0).body()).isEqualTo(
                "{\"total\":12345678901234567.89,\"fee\":12.5,\"line\":\"Total 12345678901234567.89\"}");
    }

    @Test
    void moneyFromAManualRunStaysExactInTheExecutionsRecord() {
        String id = api().deploy(Json.of("{'name':'money','trigger':{'type':'manual','config':{}},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'total'}}]}")).get("id").asText();

        String execution = api().post("/api/workflows/" + id + "/execute", "{\"total\": 12345678901234567.89}")
                .expect(202).json().get("execution_id").asText();

        assertThat(Executions.awaitEnd(api(), execution).get("status").asText()).isEqualTo("completed");
        assertThat(api().get("/api/executions/" + execution).expect(200).text())
                .contains("\"total\":12345678901234567.89");
    }

    @Test
    void refusesANumberNoOneMeansAsAValueInARunsOrAnEventsDataAndStoresNothing() {
        String id = api().deploy(Json.of("{'name':'huge','trigger':{'type':'manual','config':{}},'steps':["
                + "{'action_type':'data.transform','config':{'expression':'a'}}]}")).get("id").asText();

        JsonNode run = api().post("/api/workflows/" + id + "/execute", "{\"a\": {\"b\": [1, 1e999999]}}")
                .expect(400).json();
        JsonNode event = api().post("/api/events/invoice.paid", "{\"x\": 1e2000}").expect(400).json();

        assertThat(run.get("errors").get(0).get("path").asText()).isEqualTo("$.a.b[1]");
        assertThat(run.get("detail").asText()).isEqualTo("The number at $.a.b[1] has more than 1000 digits before "
                + "or after its point; send such a value as a string.");
        assertThat(event.get("errors").get(0).get("path").asText()).isEqualTo("$.x");
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_executions WHERE workflow_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void everyAttemptOfAStepSendsTheSameIdempotencyKey() {
        http.route("/charge", Reply.of(503, "text/plain", "busy"), Reply.of(201, "application/json", "{}"));

        JsonNode execution = Runs.byWebhook(api(), anonymous(), Json.of(webhook("[{'action_type':'data.transform',"
                + "'config':{'expression':'1'}},{'action_type':'http.request','config':{'method':'POST','url':'"
                + http.url("/charge") + "','body':{'n':1}},'retry_config':{'max_retries':2,'retry_delay':50}}]")),
                Map.of());

        assertThat(execution.get("status").asText()).isEqualTo("completed");
        assertThat(http.requests("/charge")).hasSize(2).extracting(r -> r.headers().get("idempotency-key"))
                .containsOnly(execution.get("id").asText() + ":2");
        JsonNode other = Executions.awaitEnd(api(), anonymous().post(api().get("/api/workflows/"
                + execution.get("workflow_id").asText()).expect(200).json().get("webhook_url").asText(), Map.of())
                .expect(202).json().get("execution_ids").get(0).asText());
        assertThat(http.requests("/charge").get(2).headers().get("idempotency-key"))
                .isEqualTo(other.get("id").asText() + ":2");
    }
}
