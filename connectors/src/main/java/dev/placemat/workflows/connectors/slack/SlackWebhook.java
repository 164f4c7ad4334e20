package dev.placemat.workflows.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.connectors.common.RateLimits;
import dev.placemat.workflows.connectors.common.Stages;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.connectors.http.HttpAnswer;
import dev.placemat.workflows.connectors.http.HttpCall;
import dev.placemat.workflows.connectors.http.HttpCaller;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Slack incoming webhook: a JSON {@code POST} to its URL through the shared outbound client (outbound guard,
 * {@code Retry-After} on a 429), at most one message a second per connection with short bursts, as Slack documents.
 * The webhook URL is a secret (whoever has it can post): it is never repeated in a message, only its host.
 */
final class SlackWebhook {

    static final RateLimits.Limit LIMIT = new RateLimits.Limit("slack", 3, 1, Duration.ofSeconds(1));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpCaller caller = new HttpCaller();

    CompletableFuture<Void> post(ConnectionFields connection, JsonNode payload, StepContext context)
            throws StepFailure {
        URI uri = HttpCall.absoluteUri(connection.require("webhook_url"),
                "the webhook_url of the slack connection '" + connection.name() + "'");
        HttpCall call = HttpCall.json("POST", uri, Map.of(), payload, Timeouts.within(TIMEOUT, context));
        CompletableFuture<HttpAnswer> answered = RateLimits.permit(LIMIT, connection.name(), context)
                .thenCompose(permitted -> caller.send(call, context));
        return Stages.then(answered, answer -> {
            if (answer.status() >= 300) {
                throw answer.failure("Slack refused the message for the connection '" + connection.name()
                        + "' with HTTP " + answer.status() + " " + answer.reason());
            }
            return null;
        });
    }
}
