package dev.placemat.workflows.connectors.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.common.Mustaches;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.EmailTemplates;
import dev.placemat.workflows.spi.EmailTemplates.EmailTemplate;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.validation.ConfigMapper;
import java.util.List;
import java.util.Map;

/**
 * {@code email.send_template}: one of the platform's email templates ({@code project_kickoff}, {@code budget_alert}),
 * rendered with logic-less Mustache from {@code variables} (HTML-escaped in the HTML body), sent like
 * {@code email.send}. Output: {@code {message_id, to, subject}}.
 */
public final class EmailSendTemplateAction extends SmtpSendAction<EmailSendTemplateAction.Config> {

    public record Config(
            @JsonProperty(defaultValue = "smtp")
            @JsonPropertyDescription("Name of an smtp connection (default: smtp)") String connection,
            @JsonProperty(required = true) @JsonPropertyDescription("Id of an email template, such as project_kickoff")
            String templateId,
            @JsonProperty(required = true)
            @JsonPropertyDescription("Recipients: an address, a list of addresses, or {email, name} objects")
            Object recipients,
            @JsonPropertyDescription("Copy recipients, like recipients") Object cc,
            @JsonPropertyDescription("Blind copy recipients, like recipients") Object bcc,
            @JsonPropertyDescription("Values for the template's names, such as "
                    + "{\"project_name\": \"{{step_1.name}}\"}")
            Map<String, Object> variables,
            @JsonPropertyDescription("file_url values of files from earlier steps") List<String> attachments) {}

    public EmailSendTemplateAction() {
        super(Config::connection);
    }

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("email.send_template", "email", "Send Template", "📨",
                "Sends one of the platform's email templates, filled in with variables", Config.class);
    }

    @Override
    Email email(Config config, StepContext context) throws StepFailure {
        String id = config.templateId() == null ? "" : config.templateId().trim();
        EmailTemplate template = context.services().require(EmailTemplates.class).find(id)
                .orElseThrow(() -> StepFailure.permanent("there is no email template '" + id + "'"));
        JsonNode variables = config.variables() == null ? null : ConfigMapper.toJson(config.variables());
        String what = "email template '" + id + "'";
        return new Email(Recipients.parse(config.recipients(), "recipients"),
                Recipients.parse(config.cc(), "cc"), Recipients.parse(config.bcc(), "bcc"),
                Email.subject(Mustaches.text(what + " (subject)", template.subject(), variables), what + " (subject)"),
                Mustaches.text(what + " (text body)", template.textBody(), variables),
                Mustaches.html(what + " (HTML body)", template.htmlBody(), variables),
                Attachments.read(config.attachments(), context));
    }
}
