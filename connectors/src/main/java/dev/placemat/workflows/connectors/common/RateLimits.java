package dev.placemat.workflows.connectors.common;

import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The rate a service allows per connection (Notion: about three requests a second per integration; a Slack incoming
 * webhook: one message a second, with short bursts), shared by every execution that uses the connection, so that a
 * dozen parallel executions queue instead of all being refused. A Bucket4j token bucket per connection, in the
 * platform's {@link SharedBuckets} so that every node takes from the same one; a call that must wait gets a stage
 * completed by the engine's timers when its token is there, without holding a thread.
 */
public final class RateLimits {

    /**
     * A service's documented limit: {@code burst} calls at once, then {@code perPeriod} more each {@code period}.
     */
    public record Limit(String service, int burst, int perPeriod, Duration period) {}

    private RateLimits() {}

    /**
     * A stage that completes when the connection may make its next call: at once, or after the wait its limit
     * imposes. It fails (retryably) when that wait would be longer than the step has left.
     */
    public static CompletableFuture<Void> permit(Limit limit, String connection, StepContext context) {
        String key = limit.service() + ":" + connection;
        BucketConfiguration configuration = BucketConfiguration.builder().addLimit(Bandwidth.builder()
                .capacity(limit.burst()).refillGreedy(limit.perPeriod(), limit.period()).build()).build();
        try {
            SharedBuckets buckets = context.services().require(SharedBuckets.class);
            Bucket bucket = buckets.bucket(key, configuration);
            if (bucket.tryConsume(1)) {
                return CompletableFuture.completedFuture(null);
            }
            return bucket.asScheduler().tryConsume(1, context.timeLeft(), buckets.waits()).thenCompose(granted -> granted
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(StepFailure.transientFailure("the " + limit.service()
                            + " connection '" + connection + "' is at its rate limit (" + limit.perPeriod() + " per "
                            + limit.period().toSeconds() + " s) for longer than this step may wait")));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(StepFailure.transientFailure("the rate limit of the "
                    + limit.service() + " connection '" + connection + "' could not be read: " + e.getMessage()));
        }
    }
}
