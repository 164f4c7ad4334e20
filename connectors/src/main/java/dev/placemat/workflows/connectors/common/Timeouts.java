package dev.placemat.workflows.connectors.common;

import dev.placemat.workflows.spi.StepContext;
import java.time.Duration;

/**
 * Client timeouts that never outlast the step for long. When the step's own timeout comes first, the engine gives the
 * step up and cancels the call (so the user reads that the step timed out); the client's timeout is then only a
 * backstop, {@link #GRACE} later.
 */
public final class Timeouts {

    static final Duration GRACE = Duration.ofSeconds(1);

    private Timeouts() {}

    /** {@code wanted}, or the time the step has left plus {@link #GRACE} when that is shorter. */
    public static Duration within(Duration wanted, StepContext context) {
        Duration backstop = context.timeLeft().plus(GRACE);
        if (wanted.compareTo(backstop) <= 0) {
            return wanted;
        }
        return backstop.isNegative() || backstop.isZero() ? Duration.ofMillis(1) : backstop;
    }
}
