package dev.placemat.workflows.connectors.notion;

import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.spi.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Database schemas, read once and kept for a minute per connection and database: a column whose type changes in
 * Notion is written with its new type within a minute, and a busy workflow does not spend its rate limit on them.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class NotionSchemas {

    static final Duration TTL = Duration.ofMinutes(1);

    private record Cached(Instant at, CompletableFuture<NotionSchema> schema) {}

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private final NotionClient client;

    CompletableFuture<NotionSchema> of(ConnectionFields connection, String databaseId, StepContext context) {
        String key = connection.name() + "\n" + connection.optional("base_url", "") + "\n" + databaseId;
        Instant now = Instant.now();
        Cached cached = CACHE.compute(key, (k, old) -> old != null && old.at().plus(TTL).isAfter(now)
                && !old.schema().isCompletedExceptionally() ? old
                : new Cached(now, client.getDatabase(connection, databaseId, context)
                        .thenApply(database -> NotionSchema.of(databaseId, database))));
        return cached.schema();
    }
}
