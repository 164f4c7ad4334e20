package dev.placemat.workflows.validation;

import dev.placemat.workflows.definition.TriggerSpec;

/** A check on one kind of trigger beyond its config schema (cron syntax, time zones, webhook ids). */
public interface TriggerRule {

    void check(TriggerSpec trigger, Errors errors);
}
