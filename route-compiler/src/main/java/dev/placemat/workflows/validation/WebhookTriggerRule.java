package dev.placemat.workflows.validation;

import dev.placemat.workflows.definition.TriggerSpec;
import dev.placemat.workflows.definition.TriggerType;
import java.util.regex.Pattern;

/** A webhook id appears in a URL path: letters, digits, '-' and '_', long enough not to be guessed. */
public final class WebhookTriggerRule implements TriggerRule {

    public static final Pattern WEBHOOK_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    public static final int MAX_SYNC_TIMEOUT_SECONDS = 300;
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @Override
    public TriggerType triggerType() {
        return TriggerType.WEBHOOK;
    }

    @Override
    public void check(TriggerSpec trigger, Errors errors) {
        TriggerRule.checkText(trigger, "webhook_id", WEBHOOK_ID, "invalid_webhook_id", "webhook_id must be 16 to 64 "
                + "letters, digits, '-' or '_'; leave it out and the server generates one", errors);
        for (String field : new String[] {"signature_header", "timestamp_header"}) {
            TriggerRule.checkText(trigger, field, HEADER_NAME, "invalid_header", field + " must be an HTTP header "
                    + "name: letters, digits and '-'", errors);
        }
        var timeout = trigger.config().get("sync_timeout_seconds");
        if (timeout != null && timeout.isInt()
                && (timeout.asInt() < 1 || timeout.asInt() > MAX_SYNC_TIMEOUT_SECONDS)) {
            errors.add("trigger.config.sync_timeout_seconds", "out_of_range",
                    "sync_timeout_seconds must be 1 to " + MAX_SYNC_TIMEOUT_SECONDS);
        }
    }
}
