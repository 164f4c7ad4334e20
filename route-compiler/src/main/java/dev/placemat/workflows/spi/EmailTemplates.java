package dev.placemat.workflows.spi;

import java.util.Optional;

/** Email templates stored by the platform ({@code project_kickoff}, {@code budget_alert} ship with it). */
public interface EmailTemplates {

    /** Mustache sources of subject and bodies; either body may be null. */
    record EmailTemplate(String id, String subject, String textBody, String htmlBody) {}

    Optional<EmailTemplate> find(String id);
}
