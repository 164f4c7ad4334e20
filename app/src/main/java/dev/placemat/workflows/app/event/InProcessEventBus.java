package dev.placemat.workflows.app.event;

import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.deploy.RouteControl;
import dev.placemat.workflows.compiler.IngressCompiler;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus of a single node with no Kafka: each event workflow has its own Camel {@code seda:} queue, consumed
 * by the same route shape and redelivery policy as the Kafka bus ({@link IngressCompiler#inProcessEvents}). Events
 * are in memory only: one published just before a crash may be lost.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class InProcessEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private record Subscription(String eventType, EventHandler handler) {}

    private final RouteControl routes;
    private final ProducerTemplate producer;
    private final StoredJson json;
    private final Map<UUID, Subscription> subscriptions = new ConcurrentHashMap<>();

    @Override
    public void publish(PlatformEvent event) {
        subscriptions.forEach((workflowId, subscription) -> {
            if (subscription.eventType().equals(event.type())) {
                producer.sendBody(IngressCompiler.eventQueue(workflowId.toString()), event.toJson());
            }
        });
    }

    @Override
    public boolean carries(String eventType) {
        return subscriptions.values().stream().anyMatch(subscription -> subscription.eventType().equals(eventType));
    }

    @Override
    public synchronized void subscribe(UUID workflowId, String eventType, EventHandler handler) {
        subscriptions.put(workflowId, new Subscription(eventType, handler));
        String routeId = IngressCompiler.eventRouteId(workflowId.toString());
        if (!routes.exists(routeId)) {
            routes.add(IngressCompiler.inProcessEvents(workflowId.toString(), exchange -> accept(workflowId, exchange)),
                    "event queue");
        }
    }

    @Override
    public synchronized void unsubscribe(UUID workflowId) {
        subscriptions.remove(workflowId);
        routes.remove(IngressCompiler.eventRouteId(workflowId.toString()));
    }

    private void accept(UUID workflowId, Exchange exchange) throws Exception {
        PlatformEvent event = PlatformEvent.fromJson(json.read(exchange.getIn().getBody(String.class)));
        Subscription subscription = subscriptions.get(workflowId);
        if (subscription != null && subscription.eventType().equals(event.type())) {
            subscription.handler().handle(event);
        } else {
            log.debug("event {} no longer has a subscriber in workflow {}", event.id(), workflowId);
        }
    }

    @Override
    public void close() {
        subscriptions.keySet().forEach(id -> routes.remove(IngressCompiler.eventRouteId(id.toString())));
    }
}
