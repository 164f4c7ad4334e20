package dev.placemat.workflows.app.event;

import dev.placemat.workflows.app.engine.NamedThreads;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus of a single node with no Kafka: events go to subscribers on a small pool, and a failed delivery is
 * tried again with growing delays. Events are in memory only: one published just before a crash may be lost.
 */
public final class InProcessEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private record Subscription(String eventType, EventHandler handler) {}

    private final Map<UUID, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pool;
    private final int maxAttempts;
    private final long firstRetryMillis;

    public InProcessEventBus(int threads, int maxAttempts, long firstRetryMillis) {
        this.pool = Executors.newScheduledThreadPool(threads, new NamedThreads("event-bus"));
        this.maxAttempts = maxAttempts;
        this.firstRetryMillis = firstRetryMillis;
    }

    @Override
    public void publish(PlatformEvent event) {
        subscriptions.forEach((workflowId, subscription) -> {
            if (subscription.eventType().equals(event.type())) {
                pool.execute(() -> deliver(workflowId, event, 1));
            }
        });
    }

    private void deliver(UUID workflowId, PlatformEvent event, int attempt) {
        Subscription subscription = subscriptions.get(workflowId);
        if (subscription == null || !subscription.eventType().equals(event.type())) {
            return;
        }
        try {
            subscription.handler().handle(event);
        } catch (Exception e) {
            if (attempt >= maxAttempts) {
                log.error("event {} ({}) could not be delivered to workflow {} after {} attempts: {}", event.id(),
                        event.type(), workflowId, attempt, e.getMessage());
                return;
            }
            long delay = firstRetryMillis << Math.min(attempt - 1, 10);
            pool.schedule(() -> deliver(workflowId, event, attempt + 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void subscribe(UUID workflowId, String eventType, EventHandler handler) {
        subscriptions.put(workflowId, new Subscription(eventType, handler));
    }

    @Override
    public void unsubscribe(UUID workflowId) {
        subscriptions.remove(workflowId);
    }

    @Override
    public String kind() {
        return "in-process";
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
