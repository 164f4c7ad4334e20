package dev.placemat.workflows.validation;

import dev.placemat.workflows.definition.TriggerSpec;
import dev.placemat.workflows.definition.TriggerType;
import dev.placemat.workflows.schedule.CronSchedule;
import dev.placemat.workflows.schedule.CronTranslator;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import lombok.RequiredArgsConstructor;

/**
 * Schedules: a Unix cron expression that Quartz can run, a time zone Quartz knows, and no more often than the
 * platform's minimum interval, judged on the smallest gap between the next {@value #FIRES_CHECKED} fires rather than
 * the first two (a schedule such as {@code 0,59 9 * * *} has its short gap only once a day).
 * A six-field expression with seconds is read only when the minimum interval is under a minute (test setups).
 */
@RequiredArgsConstructor
public final class ScheduleTriggerRule implements TriggerRule {

    static final int FIRES_CHECKED = 50;

    private final Duration minInterval;

    @Override
    public TriggerType triggerType() {
        return TriggerType.SCHEDULE;
    }

    @Override
    public void check(TriggerSpec trigger, Errors errors) {
        String zone = trigger.text("timezone", CronSchedule.DEFAULT_TIME_ZONE);
        boolean zoneKnown = CronSchedule.isKnownTimeZone(zone);
        if (!zoneKnown) {
            errors.add("trigger.config.timezone", "unknown_timezone", "'" + zone + "' is not a time zone; use an "
                    + "IANA name such as Australia/Sydney, Europe/Berlin or UTC");
        }
        String cron = trigger.text("cron_expression", null);
        if (cron == null) {
            return;
        }
        String quartz;
        try {
            quartz = CronTranslator.toQuartz(cron, minInterval.toSeconds() < 60);
        } catch (IllegalArgumentException e) {
            errors.add("trigger.config.cron_expression", "invalid_cron", e.getMessage());
            return;
        }
        if (!zoneKnown) {
            return;
        }
        CronSchedule schedule = new CronSchedule(quartz, zone);
        Optional<Duration> gap = schedule.smallestGap(Instant.now(), FIRES_CHECKED);
        if (schedule.nextFires(Instant.now(), 1).isEmpty()) {
            errors.add("trigger.config.cron_expression", "never_fires", "'" + cron + "' never fires (check the day "
                    + "and month)");
        } else if (gap.isPresent() && gap.get().compareTo(minInterval) < 0) {
            errors.add("trigger.config.cron_expression", "too_frequent", "'" + cron + "' fires as often as every "
                    + gap.get().toSeconds() + " s; schedules may fire at most every " + minInterval.toSeconds() + " s");
        }
    }
}
