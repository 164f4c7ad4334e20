package dev.placemat.workflows.validation;

import dev.placemat.workflows.definition.TriggerSpec;
import dev.placemat.workflows.definition.TriggerType;
import java.util.regex.Pattern;

/** A check on one kind of trigger beyond its config schema (cron syntax, time zones, webhook ids). */
public interface TriggerRule {

    /** The kind of trigger this rule checks; the validator gives it only triggers of that kind. */
    TriggerType triggerType();

    /** Adds what is wrong with {@code trigger}, a trigger of {@link #triggerType()}, to {@code errors}. */
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
