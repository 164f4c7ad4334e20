package dev.placemat.workflows.app.ratelimit;

import dev.placemat.workflows.app.engine.EnginePools;
import dev.placemat.workflows.connectors.common.SharedBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets in PostgreSQL that every node takes from (ADR 0031): webhooks' {@code rate_limit_per_minute} and the
 * rate limits of Notion and Slack connections. Bucket4j's own PostgreSQL proxy manager, its state updated under
 * {@code SELECT ... FOR UPDATE}; a bucket full for a minute is deleted by a sweep, so idle ones keep no row.
 */
@Component
public class RateBuckets implements SharedBuckets {

    private static final Logger log = LoggerFactory.getLogger(RateBuckets.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ScheduledExecutorService waits;

    public RateBuckets(DataSource dataSource, EnginePools pools) {
        this.waits = pools.timers();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("webhook_rate_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration);
    }

    @Override
    public ScheduledExecutorService waits() {
        return waits;
    }

    /** Deletes buckets that have been full for a while. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void removeFull() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            log.warn("full rate buckets were not removed: {}", e.getMessage());
        }
    }
}
