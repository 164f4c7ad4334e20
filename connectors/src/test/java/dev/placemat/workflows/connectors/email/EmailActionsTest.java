package dev.placemat.workflows.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.placemat.workflows.connectors.files.DirectoryFileStore;
import dev.placemat.workflows.connectors.support.LoopbackGuard;
import dev.placemat.workflows.connectors.support.MapConnections;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.fixtures.StrictSmtpServer;
import dev.placemat.workflows.runtime.StepRun;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.EmailTemplates;
import dev.placemat.workflows.spi.EmailTemplates.EmailTemplate;
import dev.placemat.workflows.spi.FileStore;
import dev.placemat.workflows.spi.FileStore.StoredFile;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepFailure;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EmailActionsTest {

    private static final String PASSWORD = "CANARY-smtp-password-0815";
    private static final Set<String> EXPECTED_HEADERS = Set.of("Received", "Return-Path", "Date", "From", "To", "Cc",
            "Message-ID", "Subject", "MIME-Version", "Content-Type", "Content-Transfer-Encoding");

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();

    @TempDir
    Path files;

    @Test
    void sendsTextWithAnAttachmentOfAnEarlierStepAndNoOtherHeaders() throws Exception {
        FileStore store = new DirectoryFileStore(files, "/api/files/");
        StoredFile report = store.save("weekly.pdf", "application/pdf", "%PDF-1.4 report".getBytes());
        JsonNode data = StepFixture.json("{\"step_2\": {\"file_url\": \"" + report.fileUrl()
                + "\", \"name\": \"weekly-financial.pdf\", \"content_type\": \"application/pdf\"}}");
        var config = StepFixture.config(EmailSendAction.Config.class, """
                {"to": ["finance@act.org.au", "management@act.org.au"], "cc": "lead@act.org.au",
                 "subject": "Weekly Financial Report - 2025-W14",
                 "body": "Please find attached the weekly financial report.",
                 "attachments": ["%s"]}""".formatted(report.fileUrl()));

        JsonNode out = StepFixture.output(new EmailSendAction().execute(config,
                FIXTURE.context(data, services(store, null))));

        MimeMessage received = GREENMAIL.getReceivedMessagesForDomain("act.org.au")[0];
        assertThat(received.getSubject()).isEqualTo("Weekly Financial Report - 2025-W14");
        assertThat(received.getFrom()[0].toString()).isEqualTo("workflows@act.org.au");
        assertThat(received.getRecipients(RecipientType.CC)[0].toString()).isEqualTo("lead@act.org.au");
        List<Part> parts = leaves(received);
        assertThat(parts.get(0).getContent().toString()).isEqualTo("Please find attached the weekly financial report.");
        Part attachment = parts.get(1);
        assertThat(attachment.getFileName()).isEqualTo("weekly-financial.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo("%PDF-1.4 report".getBytes());
        assertThat(headerNames(received)).allMatch(EXPECTED_HEADERS::contains);
        assertThat(out.path("message_id").asText()).isEqualTo(received.getMessageID());
        assertThat(out.path("to").toString()).isEqualTo("[\"finance@act.org.au\",\"management@act.org.au\"]");
        assertThat(out.path("subject").asText()).isEqualTo("Weekly Financial Report - 2025-W14");
    }

    @Test
    void rendersATemplateEscapingValuesInTheHtmlBodyOnly() throws Exception {
        EmailTemplates templates = id -> Optional.of(new EmailTemplate("project_kickoff",
                "Kick-off: {{project_name}}", "Project {{project_name}} worth {{amount}} starts now.",
                "<p>Project <b>{{project_name}}</b> worth {{amount}}</p>")).filter(t -> t.id().equals(id));
        var config = StepFixture.config(EmailSendTemplateAction.Config.class, """
                {"template_id": "project_kickoff",
                 "recipients": [{"email": "ada@example.org", "name": "Ada Lovelace"}],
                 "bcc": "audit@example.org",
                 "variables": {"project_name": "Harbour <Clean-up>", "amount": 25000}}""");

        new EmailSendTemplateAction().execute(config, FIXTURE.context(null, services(null, templates)));

        MimeMessage received = GREENMAIL.getReceivedMessagesForDomain("example.org")[0];
        assertThat(received.getSubject()).isEqualTo("Kick-off: Harbour <Clean-up>");
        assertThat(received.getRecipients(RecipientType.TO)[0].toString()).isEqualTo("Ada Lovelace <ada@example.org>");
        List<Part> parts = leaves(received);
        assertThat(parts.get(0).getContent().toString())
                .isEqualTo("Project Harbour <Clean-up> worth 25000 starts now.");
        assertThat(parts.get(1).getContent().toString())
                .isEqualTo("<p>Project <b>Harbour &lt;Clean-up&gt;</b> worth 25000</p>");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(2);
        assertThat(headerNames(received)).allMatch(EXPECTED_HEADERS::contains);
    }

    @Test
    void anUnknownTemplateOrAddressFailsForGood() {
        EmailTemplates none = id -> Optional.empty();
        var unknown = StepFixture.config(EmailSendTemplateAction.Config.class,
                "{\"template_id\": \"nope\", \"recipients\": \"a@example.org\"}");
        var badAddress = StepFixture.config(EmailSendAction.Config.class,
                "{\"to\": \"not an address\", \"subject\": \"s\", \"body\": \"b\"}");

        assertThatThrownBy(() -> new EmailSendTemplateAction().execute(unknown,
                FIXTURE.context(null, services(null, none))))
                .hasMessage("there is no email template 'nope'");
        assertThatThrownBy(() -> new EmailSendAction().execute(badAddress, FIXTURE.context(null, services(null, none))))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("'not an address' is not an email address");
    }

    @Test
    void anUnreachableServerMayBeRetriedAndItsPasswordIsNotShown() {
        Connections down = new MapConnections().with("smtp", "smtp", Map.of("host", "127.0.0.1", "port", "1",
                "from", "workflows@act.org.au", "starttls", "false", "username", "bot", "password", PASSWORD));
        var config = StepFixture.config(EmailSendAction.Config.class,
                "{\"to\": \"a@example.org\", \"subject\": \"s\", \"body\": \"b\"}");

        assertThatThrownBy(() -> new EmailSendAction().execute(config,
                FIXTURE.context(null, new TestServices().with(Connections.class, down))))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("could not reach the SMTP server of the connection 'smtp'")
                .hasMessageNotContaining(PASSWORD);
        assertThat(FIXTURE.camel().getEndpoints()).noneMatch(e -> e.getEndpointUri().contains(PASSWORD)
                || e.getEndpointUri().contains("127.0.0.1"));
    }

    @Test
    void anEditorsConnectionReachesOnlyTheAddressTheGuardCheckedForItsHost() throws Exception {
        int port = GREENMAIL.getSmtp().getPort();
        Map<String, String> fields = Map.of("host", "mail.pinned.test", "port", Integer.toString(port),
                "from", "workflows@act.org.au", "tls_mode", "none");
        LoopbackGuard guard = new LoopbackGuard(port).naming("mail.pinned.test");
        var config = StepFixture.config(EmailSendAction.Config.class,
                "{\"to\": \"pinned@act.org.au\", \"subject\": \"pinned\", \"body\": \"b\"}");

        StepFixture.output(new EmailSendAction().execute(config, FIXTURE.context(null, new TestServices()
                .with(Connections.class, new MapConnections().guarded("smtp", "smtp", fields))
                .with(OutboundGuard.class, guard))));

        assertThat(guard.resolved()).as("resolved once, by the guard").containsExactly("mail.pinned.test");
        assertThat(GREENMAIL.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("pinned"));
        // an admin's connection is left to the mail library, and no DNS server knows this name
        assertThatThrownBy(() -> new EmailSendAction().execute(config, FIXTURE.context(null, new TestServices()
                .with(Connections.class, new MapConnections().with("smtp", "smtp", fields))
                .with(OutboundGuard.class, guard)))).isInstanceOf(StepFailure.class)
                .hasMessageContaining("UnknownHostException mail.pinned.test");
        assertThat(guard.resolved()).as("not asked for an admin's connection").hasSize(1);
        Map<String, String> internal = new HashMap<>(fields);
        internal.put("host", "10.0.0.9");
        assertThatThrownBy(() -> new EmailSendAction().execute(config, FIXTURE.context(null, new TestServices()
                .with(Connections.class, new MapConnections().guarded("smtp", "smtp", internal))
                .with(OutboundGuard.class, guard)))).hasMessageContaining("the host 10.0.0.9 is not allowed");
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void implicitTlsIsLayeredOnThePinnedConnection() {
        GreenMail smtps = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtps"));
        smtps.start();
        try {
            int port = smtps.getSmtps().getPort();
            LoopbackGuard guard = new LoopbackGuard(port).naming("mail.pinned.test");
            var config = StepFixture.config(EmailSendAction.Config.class,
                    "{\"to\": \"a@act.org.au\", \"subject\": \"s\", \"body\": \"b\"}");
            // the handshake reached the server (whose test certificate no trust store knows) over the pinned address
            assertThatThrownBy(() -> new EmailSendAction().execute(config, FIXTURE.context(null, new TestServices()
                    .with(Connections.class, new MapConnections().guarded("smtp", "smtp", Map.of("host",
                            "mail.pinned.test", "port", Integer.toString(port), "from", "workflows@act.org.au",
                            "tls_mode", "tls")))
                    .with(OutboundGuard.class, guard))))
                    .hasMessageContaining("TLS with").hasMessageContaining("certification path");
            assertThat(guard.resolved()).containsExactly("mail.pinned.test");
        } finally {
            smtps.stop();
        }
    }

    @Test
    void namesItselfByTheMailDomainInEhloAndInTheMessageId() throws Exception {
        try (StrictSmtpServer strict = StrictSmtpServer.start()) {
            JsonNode out = StepFixture.output(new EmailSendAction().execute(StepFixture.config(
                    EmailSendAction.Config.class, "{\"to\": \"ann@partner.org\", \"subject\": \"Hi\", \"body\": \"b\"}"),
                    FIXTURE.context(null, strictServices(strict, "none"))));

            assertThat(strict.greetings()).containsExactly("workflows.act.example");
            assertThat(out.path("message_id").asText()).isEqualTo("<exec-1.1@workflows.act.example>");
            assertThat(strict.messages()).singleElement().asString()
                    .contains("Message-ID: <exec-1.1@workflows.act.example>");
        }
    }

    @Test
    void aGreylistingReplyIsRetryableAndAnUnknownRecipientIsFinalBothWithTheServersReply() throws Exception {
        var config = StepFixture.config(EmailSendAction.Config.class,
                "{\"to\": \"ann@partner.org\", \"subject\": \"s\", \"body\": \"b\"}");
        try (StrictSmtpServer strict = StrictSmtpServer.start()) {
            strict.replyToNextRecipients("451 4.7.1 <ann@partner.org>: Greylisted, please try again later");
            assertThatThrownBy(() -> new EmailSendAction().execute(config,
                    FIXTURE.context(null, strictServices(strict, "none"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isTrue())
                    .hasMessage("the SMTP server of the connection 'smtp' answered 451 4.7.1 <ann@partner.org>: "
                            + "Greylisted, please try again later (RCPT TO:<ann@partner.org>)");
            new EmailSendAction().execute(config, FIXTURE.context(null, strictServices(strict, "none")));
            assertThat(strict.messages()).hasSize(1);

            strict.replyToEveryRecipient("550 5.1.1 <ann@partner.org>: Recipient address rejected: User unknown");
            assertThatThrownBy(() -> new EmailSendAction().execute(config,
                    FIXTURE.context(null, strictServices(strict, "none"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                    .hasMessageContaining("answered 550 5.1.1 <ann@partner.org>: Recipient address rejected");
        }
    }

    @Test
    void aConnectionThatAsksForStartTlsIsRefusedClearlyByAServerWithoutIt() throws Exception {
        try (StrictSmtpServer strict = StrictSmtpServer.start()) {
            assertThatThrownBy(() -> new EmailSendAction().execute(StepFixture.config(EmailSendAction.Config.class,
                    "{\"to\": \"a@example.org\", \"subject\": \"s\", \"body\": \"b\"}"),
                    FIXTURE.context(null, strictServices(strict, "starttls"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                    .hasMessageStartingWith("the SMTP server of the connection 'smtp' does not offer STARTTLS");
            assertThat(strict.messages()).isEmpty();
        }
    }

    @Test
    void aStepGivenUpClosesItsSmtpConnection() throws Exception {
        try (StrictSmtpServer strict = StrictSmtpServer.start().silentAfterData()) {
            StepRun context = FIXTURE.context(null, strictServices(strict, "none"));
            var config = StepFixture.config(EmailSendAction.Config.class,
                    "{\"to\": \"a@example.org\", \"subject\": \"s\", \"body\": \"b\"}");
            var sending = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    new EmailSendAction().execute(config, context);
                } catch (StepFailure expected) {
                    throw new java.util.concurrent.CompletionException(expected);
                }
            });
            Thread.sleep(500);

            context.cancel();

            assertThat(strict.clientHungUp(2000)).isTrue();
            assertThatThrownBy(sending::join).hasCauseInstanceOf(StepFailure.class);
        }
    }

    @Test
    void refusesALineBreakInTheSubjectAndEscapesTemplateValuesInTheHtmlBody() {
        var config = StepFixture.config(EmailSendAction.Config.class,
                "{\"to\": \"a@example.org\", \"subject\": \"Hi\\r\\nBcc: all@example.org\", \"body\": \"b\"}");
        assertThatThrownBy(() -> new EmailSendAction().execute(config, FIXTURE.context(null, services(null, null))))
                .hasMessageStartingWith("subject holds a line break");
        assertThat(new EmailSendAction().templateEscapes().get("html_body").apply("<script>\"x\" & 'y'</script>"))
                .isEqualTo("&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
    }

    @Test
    void anEmailIsNotSafeToSendAgainAndTheDomainIsNeverLocalhostWhenAnotherNameExists() {
        assertThat(new EmailSendAction().repeatSafe(null)).isFalse();
        assertThat(new EmailSendTemplateAction().repeatSafe(null)).isFalse();
        assertThat(MailIdentity.pick(List.of("localhost", "box.example.org"))).isEqualTo("box.example.org");
        assertThat(MailIdentity.pick(List.of("10.0.0.4", "box"))).isEqualTo("box");
        assertThat(MailIdentity.pick(List.of("localhost.localdomain", "localhost"))).isEqualTo("localhost.localdomain");
    }

    private static TestServices strictServices(StrictSmtpServer strict, String tlsMode) {
        Connections connections = new MapConnections().with("smtp", "smtp", Map.of(
                "host", "127.0.0.1", "port", Integer.toString(strict.port()),
                "from", "workflows@act.org.au", "tls_mode", tlsMode));
        return new TestServices().with(Connections.class, connections)
                .with(MailIdentity.class, new MailIdentity("workflows.act.example"));
    }

    private static TestServices services(FileStore store, EmailTemplates templates) {
        Connections connections = new MapConnections().with("smtp", "smtp", Map.of(
                "host", "127.0.0.1", "port", Integer.toString(GREENMAIL.getSmtp().getPort()),
                "from", "workflows@act.org.au", "starttls", "false"));
        TestServices services = new TestServices().with(Connections.class, connections);
        if (store != null) {
            services.with(FileStore.class, store);
        }
        if (templates != null) {
            services.with(EmailTemplates.class, templates);
        }
        return services;
    }

    private static List<String> headerNames(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName());
        }
        assertThat(names).noneMatch(n -> n.toLowerCase().startsWith("camel") || n.toLowerCase().contains("placemat"));
        return names;
    }

    /** The text parts and attachments of a message, depth first. */
    private static List<Part> leaves(Part part) throws Exception {
        List<Part> out = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                out.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            out.add(part);
        }
        return out;
    }
}
