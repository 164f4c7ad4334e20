package dev.placemat.workflows.app.content;

import dev.placemat.workflows.spi.EmailTemplates;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Email templates from the {@code email_templates} table ({@code project_kickoff} and {@code budget_alert} ship). */
@Component
@RequiredArgsConstructor
public class EmailTemplateStore implements EmailTemplates {

    private final JdbcClient jdbc;

    @Override
    public Optional<EmailTemplate> find(String id) {
        return jdbc.sql("SELECT id, subject, text_body, html_body FROM email_templates WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new EmailTemplate(rs.getString("id"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body")))
                .optional();
    }
}
