package dev.placemat.workflows.validation;

import dev.placemat.workflows.definition.TriggerSpec;
import dev.placemat.workflows.definition.TriggerType;
import java.util.regex.Pattern;

/** An event type is a dotted name such as {@code notion.opportunity.stage_changed}. */
public final class EventTriggerRule implements TriggerRule {

    public static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    @Override
    public TriggerType triggerType() {
        return TriggerType.EVENT;
    }

    @Override
    public void check(TriggerSpec trigger, Errors errors) {
        TriggerRule.checkText(trigger, "event_type", EVENT_TYPE, "invalid_event_type", "event_type must be 1 to 100 "
                + "letters, digits, '.', '-' or '_', such as notion.opportunity.stage_changed", errors);
    }
}
