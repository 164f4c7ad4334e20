package dev.placemat.workflows.app.execution;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live execution views ({@code workflows.execution-streams.*}).
 *
 * @param maxOpen      streams open at once on this node; more answer 503 with {@code Retry-After}
 * @param pollInterval how often the watched executions' rows are read
 * @param heartbeat    how long a stream may stay silent before a comment line keeps proxies from closing it (and
 *                     finds clients that went away)
 * @param maxAge       a stream is closed after this long; the browser's EventSource reconnects and gets the whole
 *                     state again
 */
@Validated
@ConfigurationProperties(prefix = "workflows.execution-streams")
public record ExecutionStreamsProperties(
        @DefaultValue("200") @Min(1) @Max(100_000) int maxOpen,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration maxAge) {

    /** Polls from 10 ms to a minute; a heartbeat and an age of at least a second, the heartbeat the shorter. */
    @AssertTrue(message = "poll-interval must be 10ms to 1m, heartbeat and max-age at least 1s, heartbeat below max-age")
    public boolean isInRange() {
        return pollInterval.compareTo(Duration.ofMillis(10)) >= 0 && pollInterval.compareTo(Duration.ofMinutes(1)) <= 0
                && heartbeat.compareTo(Duration.ofSeconds(1)) >= 0 && heartbeat.compareTo(maxAge) < 0;
    }
}
