package dev.placemat.workflows.app.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Runs;
import dev.placemat.workflows.fixtures.StrictSmtpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 6, against a strict SMTP server: the platform names itself by {@code workflows.mail.domain} in
 * EHLO and Message-ID, a greylisting 451 is retried and recorded with the server's reply, a 550 is final, and an
 * smtp connection that asks for STARTTLS is refused clearly by a server that does not offer it.
 */
class MailIT extends IntegrationTest {

    private static StrictSmtpServer smtp;

    @BeforeAll
    static void start() {
        smtp = StrictSmtpServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.close();
    }

    @BeforeEach
    void reset() {
        smtp.reset();
        connection("none");
    }

    private void connection(String tlsMode) {
        Runs.connection(api(), "strict-smtp", "smtp", Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.port()),
                "from", "workflows@act.org.au", "tls_mode", tlsMode));
    }

    private JsonNode send() {
        return Runs.byHand(api(), Json.of("{'name':'Mail','trigger':{'type':'manual'},'steps':[{'action_type':"
                + "'email.send','config':{'connection':'strict-smtp','to':'ann@partner.org','subject':'Welcome',"
                + "'body':'Hello Ann'},'retry_config':{'max_retries':2,'retry_delay':100}}]}"), Map.of());
    }

    @Test
    void namesItselfByTheMailDomainInEhloAndMessageId() {
        JsonNode execution = send();

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(smtp.greetings()).containsExactly("workflows.placemat.test");
        String messageId = execution.get("execution_data").get("step_1").get("message_id").asText();
        assertThat(messageId).isEqualTo("<" + execution.get("id").asText() + ".1@workflows.placemat.test>");
        assertThat(smtp.messages()).singleElement().asString().contains("Message-ID: " + messageId);
    }

    @Test
    void aGreylistingReplyIsRetriedAndRecordedWithTheServersWords() {
        smtp.replyToNextRecipients("451 4.7.1 <ann@partner.org>: Recipient address rejected: Greylisted");

        JsonNode execution = send();

        assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(execution.get("steps")).extracting(s -> s.get("status").asText(), s -> s.get("error").asText(null))
                .containsExactly(tuple("failed", "the SMTP server of the connection 'strict-smtp' answered 451 4.7.1 "
                        + "<ann@partner.org>: Recipient address rejected: Greylisted (RCPT TO:<ann@partner.org>)"),
                        tuple("completed", null));
        assertThat(smtp.messages()).hasSize(1);
    }

    @Test
    void anUnknownRecipientIsFinal() {
        smtp.replyToEveryRecipient("550 5.1.1 <ann@partner.org>: Recipient address rejected: User unknown");

        JsonNode execution = send();

        assertThat(execution.get("status").asText()).isEqualTo("failed");
        assertThat(execution.get("steps")).hasSize(1);
        assertThat(execution.get("error_message").asText()).contains("answered 550 5.1.1 <ann@partner.org>: "
                + "Recipient address rejected: User unknown");
    }

    @Test
    void aConnectionThatAsksForStartTlsIsRefusedClearlyByAServerWithoutIt() {
        connection("starttls");

        JsonNode execution = send();

        assertThat(execution.get("status").asText()).isEqualTo("failed");
        assertThat(execution.get("steps")).hasSize(1);
        assertThat(execution.get("error_message").asText()).startsWith("the SMTP server of the connection "
                + "'strict-smtp' does not offer STARTTLS, which its tls_mode 'starttls' requires");
        assertThat(smtp.messages()).isEmpty();
    }
}
