package dev.placemat.workflows.app.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Database numbers as the API shows them (times: {@link dev.placemat.workflows.app.db.Columns#instant}). */
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
}
