package dev.placemat.workflows.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.EchoServer;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No secret in execution records: credential headers and query parameters of a webhook, credentials an http step
 * sends and a service echoes back (in its body, as text, and in its own Set-Cookie and X-Api-Key headers), and the
 * Basic credentials an http connection makes. Read through the API, then searched for in the raw text of the rows.
 */
class SecretMaskingIT extends IntegrationTest {

    private static final EchoServer ECHO = EchoServer.shared();

    @Test
    void noCredentialReachesAnExecutionRecord() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> secrets = new ArrayList<>();
        for (String name : List.of("bearer", "cookie", "apikey", "authtoken", "plainapikey", "accesstoken", "proxy",
                "qtoken", "qaccess", "qapikey", "qsignature", "stepbearer", "stepkey", "stepcookie", "stepquery",
                "urltoken", "connpass")) {
            secrets.add("s3cr3t-" + name + "-" + tag);
        }
        String password = secrets.get(16);
        String connection = "basic-" + tag;
        api().post("/api/connections", Map.of("name", connection, "type", "http", "fields", Map.of(
                "allowed_hosts", "127.0.0.1", "username", "robot", "password", password))).expect(201);
        String basic = Base64.getEncoder().encodeToString(("robot:" + password).getBytes());

        JsonNode workflow = api().deploy(Json.of("{'name':'masking','trigger':{'type':'webhook','config':{}},'steps':["
                + "{'action_type':'http.request','config':{'url':'" + ECHO.base("127.0.0.1") + "/echo?access_token="
                + secrets.get(15) + "&page=2','headers':{'Authorization':'Bearer " + secrets.get(11) + "',"
                + "'X-Api-Key':'" + secrets.get(12) + "','Cookie':'sid=" + secrets.get(13) + "'},"
                + "'query':{'api_key':'" + secrets.get(14) + "'}}},"
                + "{'action_type':'http.request','config':{'url':'" + ECHO.base("127.0.0.1") + "/echo',"
                + "'connection':'" + connection + "'}},"
                + "{'action_type':'data.transform','config':{'expression':'step_2.body.headers'}}]}"));
        String webhook = workflow.get("webhook_url").asText();
        String id = anonymous().raw("POST", webhook + "?access_token=" + secrets.get(7) + "&api_key=" + secrets.get(9)
                        + "&token=" + secrets.get(8) + "&signature=" + secrets.get(10) + "&page=1", "application/json",
                "{\"order\":7}",
                "Authorization", "Bearer " + secrets.get(0), "Cookie", "sid=" + secrets.get(1),
                "X-Api-Key", secrets.get(2), "X-Auth-Token", secrets.get(3), "Api-Key", secrets.get(4),
                "X-Access-Token", secrets.get(5), "Proxy-Authorization", "Basic " + secrets.get(6))
                .expect(202).json().get("execution_ids").get(0).asText();
        JsonNode execution = Executions.awaitEnd(api(), id);
        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(ECHO.received()).as("the step did send its credentials")
                .anyMatch(r -> ("Bearer " + secrets.get(11)).equals(r.authorization()))
                .anyMatch(r -> ("Basic " + basic).equals(r.authorization()));
        assertThat(execution.get("trigger_data").get("query").get("page").asText()).isEqualTo("1");
        assertThat(execution.get("trigger_data").get("query").get("token").asText()).isEqualTo("********");
        assertThat(execution.get("steps").get(0).get("output").get("body").get("query").get("page").asText())
                .isEqualTo("2");

        String shown = execution.toString() + api().get("/api/executions?workflow_id=" + workflow.get("id").asText())
                .expect(200).text();
        List<String> all = new ArrayList<>(secrets);
        all.add(basic);
        for (String secret : all) {
            assertThat(shown).as("the API shows no %s", secret).doesNotContain(secret);
            assertThat(jdbc.sql("SELECT count(*) FROM step_executions WHERE execution_id = :id AND (input_data::text "
                            + "LIKE :s OR output_data::text LIKE :s OR coalesce(error_message, '') LIKE :s)")
                    .param("id", UUID.fromString(id)).param("s", "%" + secret + "%").query(Long.class).single())
                    .as("step rows hold no %s", secret).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM workflow_executions WHERE id = :id AND (trigger_data::text LIKE "
                            + ":s OR execution_data::text LIKE :s OR coalesce(error_message, '') LIKE :s)")
                    .param("id", UUID.fromString(id)).param("s", "%" + secret + "%").query(Long.class).single())
                    .as("the execution row holds no %s", secret).isZero();
        }
    }

    /**
     * A connection's value and a credential in a log line, in its message and in its exception's, are masked in what
     * the platform prints (the appenders of logback-spring.xml).
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noCredentialReachesALogLine(CapturedOutput output) {
        String password = "s3cr3t-logged-" + UUID.randomUUID().toString().substring(0, 8);
        String bearer = "b34r3r-logged-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/connections", Map.of("name", "logged-" + password.substring(14), "type", "smtp", "fields",
                Map.of("host", "mail.example.org", "from", "robot@example.org", "username", "robot",
                        "password", password))).expect(201);
        LoggerFactory.getLogger("dev.placemat.workflows.test").warn("signing in with {} failed",
                password, new IllegalStateException("the server said: 535 " + password + " Authorization: Bearer "
                        + bearer, new RuntimeException("caused by " + password)));
        assertThat(output.getAll()).contains("signing in with " + SecretRedactor.MASK + " failed")
                .contains("the server said: 535 " + SecretRedactor.MASK).contains("caused by " + SecretRedactor.MASK)
                .contains("IllegalStateException").doesNotContain(password).doesNotContain(bearer);
    }
}
