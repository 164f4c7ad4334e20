package dev.placemat.workflows.validation;

import dev.placemat.workflows.definition.TriggerSpec;
import java.util.regex.Pattern;

/** A check on one kind of trigger beyond its config schema (cron syntax, time zones, webhook ids). */
public interface TriggerRule {

    void check(TriggerSpec trigger, Errors errors);

    /**
     * Adds the error {@code code} at {@code trigger.config.<field>} when the trigger gives the text field and it does
     * not match {@code pattern} (an absent field is the config schema's concern).
     */
    static void checkText(TriggerSpec trigger, String field, Pattern pattern, String code, String message,
            Errors errors) {
        String value = trigger.text(field, null);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add("trigger.config." + field, code, message);
        }
    }
}
