package dev.placemat.workflows.connectors.support;

import dev.placemat.workflows.connectors.common.SharedBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Buckets in this JVM's memory: the platform's are in PostgreSQL (RateBuckets), which the connectors' tests lack. */
public final class LocalBuckets implements SharedBuckets {

    /** One timer thread for every test's waits, as the platform has its engine's timers. */
    private static final ScheduledExecutorService WAITS = Executors.newSingleThreadScheduledExecutor();

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public ScheduledExecutorService waits() {
        return WAITS;
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, k -> {
            LocalBucketBuilder builder = Bucket.builder();
            for (var bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }
}
