package dev.placemat.workflows.runtime;

import dev.placemat.workflows.definition.RetryPolicy;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * The wait before a step's next attempt, set per exchange in Camel's {@link Exchange#REDELIVERY_DELAY} header (read
 * by the redelivery error handler in place of the policy's own computation): the step's retry policy for that
 * attempt, or longer when the service asked for it ({@link StepFailure#retryAfter()}, from {@code Retry-After}).
 * A service that asks for more than the step may wait (the {@link Limit}, and never more than the step's
 * {@code timeout_seconds}) fails the step at once: waiting that long would only end in a timeout.
 */
public final class RetryWait {

    /** The longest {@code Retry-After} a step waits for ({@code workflows.outbound.max-retry-after-seconds}). */
    public record Limit(Duration max) {
        public static final Limit DEFAULT = new Limit(Duration.ofMinutes(5));
    }

    private RetryWait() {}

    /**
     * Sets the wait before the next attempt of {@code step} after attempt {@code attempt} failed, and returns the
     * failure to record and throw: the same, or one whose message says how long the next attempt waits and why.
     */
    static StepFailure apply(StepFailure failure, StepSpec step, int attempt, Exchange exchange,
            PlatformServices services) {
        exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        RetryPolicy policy = step.retry();
        Duration asked = failure.retryAfter();
        if (!failure.retryable()) {
            return failure;
        }
        if (asked != null) {
            Duration limit = limit(services);
            Duration cap = Duration.ofSeconds(step.timeoutSeconds()).compareTo(limit) < 0
                    ? Duration.ofSeconds(step.timeoutSeconds()) : limit;
            if (asked.compareTo(cap) > 0) {
                return StepFailure.permanent("rate limited, retry after " + seconds(asked.toMillis()) + " s: more than "
                        + "the " + cap.toSeconds() + " s this step may wait (timeout_seconds, "
                        + "workflows.outbound.max-retry-after-seconds); " + failure.getMessage());
            }
        }
        if (attempt > policy.maxRetries()) {
            return failure;
        }
        long delay = Math.max(policy.delayBefore(attempt), asked == null ? 0 : asked.toMillis());
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay);
        if (asked == null) {
            return failure;
        }
        return StepFailure.retryAfter(failure.getMessage() + "; attempt " + (attempt + 1) + " waits " + seconds(delay)
                + " s, as the service asked (Retry-After)", asked);
    }

    private static Duration limit(PlatformServices services) {
        return services == null ? Limit.DEFAULT.max() : services.find(Limit.class).orElse(Limit.DEFAULT).max();
    }

    /** Whole seconds, rounded up: a wait of 1.2 s is told as 2 s, never as less than it is. */
    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
