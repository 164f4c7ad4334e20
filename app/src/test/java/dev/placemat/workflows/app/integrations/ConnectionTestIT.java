package dev.placemat.workflows.app.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Runs;
import dev.placemat.workflows.fixtures.LocalHttpServer.Reply;
import dev.placemat.workflows.fixtures.LocalHttpServer;
import dev.placemat.workflows.fixtures.NotionStandIn;
import dev.placemat.workflows.fixtures.SlackStandIn;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16, point 8: {@code POST /api/connections/{name}/test} makes one harmless call per type and reports success
 * or the service's error; a Slack webhook is reported as not testable; nothing is sent anywhere.
 */
class ConnectionTestIT extends IntegrationTest {

    private static final String TOKEN = "secret_connection-test-it-token";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    private static NotionStandIn notion;
    private static SlackStandIn slack;
    private static LocalHttpServer http;

    @Autowired
    DataSource platformDatabase;

    @BeforeAll
    static void start() {
        notion = NotionStandIn.start(TOKEN);
        slack = SlackStandIn.start();
        http = LocalHttpServer.start();
        http.route("/api", Reply.of(200, "application/json", "{}"));
    }

    @AfterAll
    static void stop() {
        notion.close();
        slack.close();
        http.close();
    }

    private JsonNode test(String name) {
        return api().post("/api/connections/" + name + "/test", null).expect(200).json();
    }

    @Test
    void notionIsTestedWithItsBotUserAndAWrongTokenGetsNotionsAnswer() {
        Runs.connection(api(), "ct-notion", "notion", Map.of("token", TOKEN, "base_url", notion.baseUrl()));
        Runs.connection(api(), "ct-notion-bad", "notion", Map.of("token", "secret_not-the-token",
                "base_url", notion.baseUrl()));

        JsonNode good = test("ct-notion");
        JsonNode bad = test("ct-notion-bad");

        assertThat(good.get("ok").asBoolean()).as(good.toString()).isTrue();
        assertThat(good.get("tested").asBoolean()).isTrue();
        assertThat(good.get("message").asText()).contains("Placemat");
        assertThat(bad.get("ok").asBoolean()).isFalse();
        assertThat(bad.get("message").asText()).contains("Notion answered 401").contains("unauthorized")
                .doesNotContain("secret_not-the-token");
    }

    @Test
    void aSlackWebhookIsReportedAsNotTestableAndNothingIsPosted() {
        Runs.connection(api(), "ct-slack", "slack", Map.of("webhook_url", slack.webhookUrl()));

        JsonNode answer = test("ct-slack");

        assertThat(answer.get("ok").asBoolean()).isTrue();
        assertThat(answer.get("tested").asBoolean()).isFalse();
        assertThat(answer.get("message").asText()).startsWith("not tested: a Slack incoming webhook offers no call");
        assertThat(slack.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void smtpConnectsAndSaysEhloOrReportsWhyItCannot() {
        Runs.connection(api(), "ct-smtp", "smtp", Map.of("host", "127.0.0.1", "port",
                String.valueOf(MAIL.getSmtp().getPort()), "from", "w@act.org.au", "tls_mode", "none"));
        Runs.connection(api(), "ct-smtp-down", "smtp", Map.of("host", "127.0.0.1", "port", "1",
                "from", "w@act.org.au", "tls_mode", "none"));

        assertThat(test("ct-smtp").get("ok").asBoolean()).isTrue();
        JsonNode down = test("ct-smtp-down");
        assertThat(down.get("ok").asBoolean()).isFalse();
        assertThat(down.get("message").asText()).startsWith("could not reach the SMTP server of the connection");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDatabaseAnswersSelectOneAndAnHttpBaseUrlAHead() throws Exception {
        String url;
        try (var c = platformDatabase.getConnection()) {
            url = c.getMetaData().getURL().replaceFirst("\\?.*$", "");
        }
        Runs.connection(api(), "ct-db", "database", Map.of("url", url, "username", "placemat",
                "password", databaseCredentials().appPassword(), "allow_platform_database", "true"));
        Runs.connection(api(), "ct-http", "http", Map.of("bearer_token", "ct-bearer-token-1",
                "base_url", http.url("/api"), "allowed_hosts", URI.create(http.url("/api")).getAuthority()));

        JsonNode database = test("ct-db");
        JsonNode service = test("ct-http");

        assertThat(database.get("ok").asBoolean()).as(database.toString()).isTrue();
        assertThat(database.get("message").asText()).startsWith("select 1 answered (PostgreSQL");
        assertThat(service.get("ok").asBoolean()).as(service.toString()).isTrue();
        assertThat(http.requests("/api")).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("HEAD");
            assertThat(r.headers()).containsEntry("authorization", "Bearer ct-bearer-token-1");
        });

        Runs.connection(api(), "ct-http-elsewhere", "http", Map.of("bearer_token", "ct-bearer-token-2",
                "base_url", http.url("/other"), "allowed_hosts", "api.example.com"));
        JsonNode elsewhere = test("ct-http-elsewhere");
        assertThat(elsewhere.get("ok").asBoolean()).isFalse();
        assertThat(elsewhere.get("message").asText()).contains("the request was not sent");
        assertThat(http.requests("/other")).isEmpty();
    }

    @Test
    void anUnknownConnectionIs404AndOnlyThoseWhoMayUseItMayTest() {
        api().post("/api/connections/nope/test", null).expect(404);
        Runs.connection(api(), "ct-slack-2", "slack", Map.of("webhook_url", slack.webhookUrl()));
        api().post("/api/users", Map.of("username", "ct-editor", "password", "editor-password-123", "role", "editor"))
                .expect(201);
        Api editor = Api.session(port, "ct-editor", "editor-password-123");
        editor.post("/api/connections/ct-slack-2/test", null).expect(404);
        api().put("/api/connections/ct-slack-2", Map.of("type", "slack", "fields", Map.of(),
                "shared_with", Map.of("roles", List.of("editor")))).expect(200);
        assertThat(editor.post("/api/connections/ct-slack-2/test", null).expect(200).json().get("ok").asBoolean())
                .isTrue();
    }
}
