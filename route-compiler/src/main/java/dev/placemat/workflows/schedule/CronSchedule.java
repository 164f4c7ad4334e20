package dev.placemat.workflows.schedule;

import dev.placemat.workflows.definition.TriggerSpec;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A schedule trigger as Quartz runs it: the translated cron expression and the time zone it is read in.
 *
 * @param quartzCron the Quartz form of the definition's Unix cron
 * @param timeZone   an id that both java.time and Quartz's {@link TimeZone} know (Quartz reads an unknown id as GMT)
 */
public record CronSchedule(String quartzCron, String timeZone) {

    public static final String DEFAULT_TIME_ZONE = "Australia/Sydney";

    /** The schedule of a validated {@code schedule} trigger. */
    public static CronSchedule of(TriggerSpec trigger, boolean allowSeconds) {
        return new CronSchedule(CronTranslator.toQuartz(trigger.text("cron_expression", null), allowSeconds),
                trigger.text("timezone", DEFAULT_TIME_ZONE));
    }

    /** Whether Quartz reads the id as the zone java.time knows by it (and not silently as GMT). */
    public static boolean isKnownTimeZone(String id) {
        try {
            ZoneId.of(id);
        } catch (DateTimeException e) {
            return false;
        }
        return TimeZone.getTimeZone(id).getID().equals(id);
    }

    /** The next {@code count} fire times after {@code from} (fewer if the schedule ends). */
    public List<Instant> nextFires(Instant from, int count) {
        CronExpression cron = expression();
        List<Instant> fires = new ArrayList<>(count);
        Date after = Date.from(from);
        while (fires.size() < count) {
            Date next = cron.getNextValidTimeAfter(after);
            if (next == null) {
                break;
            }
            fires.add(next.toInstant());
            after = next;
        }
        return fires;
    }

    /** The shortest time between two of the next {@code count} fires; empty when it fires less than twice. */
    public Optional<Duration> smallestGap(Instant from, int count) {
        List<Instant> fires = nextFires(from, count);
        Duration smallest = null;
        for (int i = 1; i < fires.size(); i++) {
            Duration gap = Duration.between(fires.get(i - 1), fires.get(i));
            if (smallest == null || gap.compareTo(smallest) < 0) {
                smallest = gap;
            }
        }
        return Optional.ofNullable(smallest);
    }

    private CronExpression expression() {
        try {
            CronExpression cron = new CronExpression(quartzCron);
            cron.setTimeZone(TimeZone.getTimeZone(timeZone));
            return cron;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + quartzCron, e);
        }
    }
}
