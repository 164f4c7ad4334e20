package dev.placemat.workflows.app.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;

/** Database numbers and times as the API shows them. */
final class Numbers {

    private Numbers() {}

    /** A SQL number rounded to {@code scale} decimals, or null. */
    static Double decimal(Object value, int scale) {
        if (value == null) {
            return null;
        }
        BigDecimal number = value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
        return number.setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
