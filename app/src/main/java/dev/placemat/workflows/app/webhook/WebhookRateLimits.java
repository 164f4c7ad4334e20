package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.ratelimit.RateBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A webhook's own rate limit, {@code rate_limit_per_minute} in its trigger config: a Bucket4j token bucket per
 * workflow and limit, refilled evenly over the minute (bursts up to the minute's requests), kept in PostgreSQL so
 * that every node takes from the same bucket (docs/adr/0031-cluster-wide-webhook-rate-limits.md). A request over
 * the limit starts nothing and answers 429 with the seconds until the next one is accepted.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookRateLimits {

    static final String FIELD = "rate_limit_per_minute";
    private static final Logger log = LoggerFactory.getLogger(WebhookRateLimits.class);

    private final RateBuckets buckets;

    /** Takes one request from the bucket of each workflow that has a limit; throws 429 when one is empty. */
    void acquire(List<Deployment> deployments) {
        long waitNanos = 0;
        int refusedLimit = 0;
        for (Deployment deployment : deployments) {
            var limit = deployment.definition().trigger().config().get(FIELD);
            if (limit == null || !limit.canConvertToInt() || limit.asInt() < 1) {
                continue;
            }
            int perMinute = limit.asInt();
            ConsumptionProbe probe = consume(deployment.workflowId() + "/" + perMinute, perMinute);
            if (!probe.isConsumed() && probe.getNanosToWaitForRefill() >= waitNanos) {
                waitNanos = probe.getNanosToWaitForRefill();
                refusedLimit = perMinute;
            }
        }
        if (refusedLimit > 0) {
            throw new WebhookRejected(429, "This webhook accepts at most " + refusedLimit + " requests a minute; "
                    + "try again after Retry-After.", null, (int) Math.max(1, Math.ceil(waitNanos / 1e9)));
        }
    }

    private ConsumptionProbe consume(String key, int perMinute) {
        try {
            return buckets.bucket(key, BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build()).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            log.warn("the rate limit of webhook bucket {} could not be read: {}", key, e.getMessage());
            throw new WebhookRejected(503, "The platform cannot check this webhook's rate limit now (its database is "
                    + "unavailable); try again after Retry-After.", null, 5);
        }
    }
}
