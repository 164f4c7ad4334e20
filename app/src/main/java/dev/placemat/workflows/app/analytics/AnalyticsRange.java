package dev.placemat.workflows.app.analytics;

import dev.placemat.workflows.app.errors.InvalidValueException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The periods the dashboard offers, and the bars each is drawn with: hours for a day, days for a week or a month.
 * Anything else is a 400 on {@code range}; the value never reaches SQL text.
 */
public record AnalyticsRange(String name, Duration length) {

    private static final Map<String, Duration> RANGES = Map.of(
            "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30));

    public static AnalyticsRange parse(String value) {
        Duration length = value == null ? null : RANGES.get(value);
        if (length == null) {
            throw new InvalidValueException("range", "range must be one of 24h, 7d, 30d");
        }
        return new AnalyticsRange(value, length);
    }

    /** The length of one bar of the execution chart: {@code hour} or {@code day} (a date_trunc unit). */
    String bucket() {
        return length.compareTo(Duration.ofDays(1)) <= 0 ? "hour" : "day";
    }

    /** The start of the period, as a bound parameter. */
    Timestamp since(Instant now) {
        return Timestamp.from(now.minus(length));
    }
}
