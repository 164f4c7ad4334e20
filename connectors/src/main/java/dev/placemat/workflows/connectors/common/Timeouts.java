package dev.placemat.workflows.connectors.common;

import dev.placemat.workflows.spi.StepContext;
import java.time.Duration;

/** Client timeouts that never outlast the step. */
public final class Timeouts {

    private Timeouts() {}

    /** {@code wanted}, but no longer than the time the step has left (and at least one millisecond). */
    public static Duration within(Duration wanted, StepContext context) {
        Duration left = context.timeLeft();
        if (wanted.compareTo(left) <= 0) {
            return wanted;
        }
        return left.isZero() || left.isNegative() ? Duration.ofMillis(1) : left;
    }
}
