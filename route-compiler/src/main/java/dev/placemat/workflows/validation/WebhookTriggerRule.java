package dev.placemat.workflows.validation;

import dev.placemat.workflows.definition.TriggerSpec;
import java.util.regex.Pattern;

/** A webhook id appears in a URL path: letters, digits, '-' and '_', long enough not to be guessed. */
public final class WebhookTriggerRule implements TriggerRule {

    public static final Pattern WEBHOOK_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    @Override
    public void check(TriggerSpec trigger, Errors errors) {
        if (!"webhook".equals(trigger.type())) {
            return;
        }
        String id = trigger.text("webhook_id", null);
        if (id != null && !WEBHOOK_ID.matcher(id).matches()) {
            errors.add("trigger.config.webhook_id", "invalid_webhook_id", "webhook_id must be 16 to 64 letters, "
                    + "digits, '-' or '_'; leave it out and the server generates one");
        }
    }
}
