package dev.placemat.workflows.app.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties(prefix = "workflows.execution-streams")
public record ExecutionStreamsProperties(
        @DefaultValue("200") int maxOpen,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration maxAge) {}
