package dev.placemat.workflows.runtime;

import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Stands after a wait step: a wait that ends further off than {@code durableAfter} suspends the execution (nothing
 * is held while it waits); a shorter one goes on to the route's delay, which waits {@link #remainingMillis} without
 * a thread.
 */
@RequiredArgsConstructor
public final class WaitGate implements Processor {

    private final Duration durableAfter;

    @Override
    public void process(Exchange exchange) {
        Instant until = exchange.getProperty(StepProcessor.WAIT_UNTIL, Instant.class);
        if (until != null && Duration.between(Instant.now(), until).compareTo(durableAfter) > 0) {
            throw new ExecutionSuspended(until);
        }
    }

    /** What is left of the wait, for the delay that follows the gate. */
    public static long remainingMillis(Exchange exchange) {
        Instant until = exchange.getProperty(StepProcessor.WAIT_UNTIL, Instant.class);
        return until == null ? 0 : Math.max(0, Duration.between(Instant.now(), until).toMillis());
    }
}
