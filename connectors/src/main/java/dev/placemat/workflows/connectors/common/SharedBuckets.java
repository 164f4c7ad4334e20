package dev.placemat.workflows.connectors.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Token buckets that every node of the platform shares (it keeps them in its database): a service's rate limit per
 * connection then holds for the whole cluster, not once per node.
 */
public interface SharedBuckets {

    /** The bucket kept under {@code key}, made with {@code configuration} when there is none yet. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /** What completes a wait for a token when it is there (the engine's timers): a waiting call holds no thread. */
    ScheduledExecutorService waits();
}
