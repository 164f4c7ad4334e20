package dev.placemat.workflows.connectors.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code email.send}: an email with a text and/or HTML body and attachments (files of earlier steps), sent through
 * the {@code smtp} connection with camel-mail. Output: {@code {message_id, to, subject}}.
 */
public final class EmailSendAction extends SmtpSendAction<EmailSendAction.Config> {

    public record Config(
            @JsonProperty(defaultValue = "smtp")
            @JsonPropertyDescription("Name of an smtp connection (default: smtp)") String connection,
            @JsonProperty(required = true)
            @JsonPropertyDescription("Recipients: an address, a list of addresses, or {email, name} objects") Object to,
            @JsonPropertyDescription("Copy recipients, like to") Object cc,
            @JsonPropertyDescription("Blind copy recipients, like to") Object bcc,
            @JsonProperty(required = true) @JsonPropertyDescription("Subject line") String subject,
            @JsonPropertyDescription("Plain text body") String body,
            @JsonPropertyDescription("HTML body (sent as an alternative to the text body when both are given)")
            String htmlBody,
            @JsonPropertyDescription("file_url values of files from earlier steps, such as {{step_2.file_url}}")
            List<String> attachments) {}

    public EmailSendAction() {
        super(Config::connection);
    }

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("email.send", "email", "Send Email", "📧",
                "Sends an email with optional attachments through an SMTP server", Config.class);
    }

    @Override
    Email email(Config config, StepContext context) throws StepFailure {
        if (config.body() == null && config.htmlBody() == null) {
            throw StepFailure.permanent("give body, html_body or both");
        }
        return new Email(Recipients.parse(config.to(), "to"), Recipients.parse(config.cc(), "cc"),
                Recipients.parse(config.bcc(), "bcc"), Email.subject(config.subject(), "subject"), config.body(),
                config.htmlBody(),
                Attachments.read(config.attachments(), context));
    }

    /** Values that templates put into the HTML body are HTML-escaped; the author's markup stays markup. */
    @Override
    public Map<String, UnaryOperator<String>> templateEscapes() {
        return Map.of("html_body", HtmlText::escape);
    }
}
