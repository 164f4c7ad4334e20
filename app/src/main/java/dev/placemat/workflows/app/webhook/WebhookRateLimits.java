package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.app.deploy.Deployment;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A webhook's own rate limit, {@code rate_limit_per_minute} in its trigger config: a Bucket4j token bucket per
 * workflow and limit on this node, refilled evenly over the minute (bursts up to the minute's requests). A request
 * over the limit starts nothing and answers 429 with the seconds until the next one is accepted.
 */
@Component
class WebhookRateLimits {

    static final String FIELD = "rate_limit_per_minute";

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

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
            ConsumptionProbe probe = buckets.computeIfAbsent(deployment.workflowId() + "/" + perMinute,
                    key -> bucket(perMinute)).tryConsumeAndReturnRemaining(1);
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

    private static Bucket bucket(int perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }
}
