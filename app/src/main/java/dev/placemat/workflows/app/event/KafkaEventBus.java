package dev.placemat.workflows.app.event;

import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.deploy.RouteControl;
import dev.placemat.workflows.compiler.IngressCompiler;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events on one Kafka topic, keyed by event id. Each event workflow consumes the whole topic in its own consumer
 * group ({@code placemat-wf-<id>}), so every node shares the load and each event reaches each workflow once; the
 * offset is committed only after the handler returned (the execution row is committed by then), and a failing
 * handler leaves the offset where it is, so the record is read again.
 */
final class KafkaEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventBus.class);

    private record Subscription(String eventType, EventHandler handler) {}

    private final RouteControl routes;
    private final ProducerTemplate producer;
    private final KafkaTopics topics;
    private final String brokers;
    private final String topic;
    private final StoredJson json;
    private final Map<UUID, Subscription> subscriptions = new ConcurrentHashMap<>();

    KafkaEventBus(RouteControl routes, ProducerTemplate producer, String brokers, String topic, int partitions,
            StoredJson json) {
        this.routes = routes;
        this.producer = producer;
        this.brokers = brokers;
        this.topic = topic;
        this.json = json;
        this.topics = new KafkaTopics(brokers, topic, partitions);
    }

    @Override
    public void publish(PlatformEvent event) {
        topics.ensureTopic();
        Exchange sent = producer.send("kafka:" + topic + "?brokers=" + brokers, exchange -> {
            exchange.getIn().setHeader(KafkaConstants.KEY, event.id());
            exchange.getIn().setBody(event.toJson());
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("the event could not be published: " + sent.getException().getMessage());
        }
    }

    /** Always: the topic is read by every node's subscriptions, and may be by other consumers. */
    @Override
    public boolean carries(String eventType) {
        return true;
    }

    @Override
    public synchronized void subscribe(UUID workflowId, String eventType, EventHandler handler) {
        subscriptions.put(workflowId, new Subscription(eventType, handler));
        String routeId = IngressCompiler.eventRouteId(workflowId.toString());
        if (!routes.exists(routeId)) {
            topics.startAtEnd(IngressCompiler.eventGroup(workflowId.toString()));
            routes.add(IngressCompiler.events(workflowId.toString(), topic, brokers,
                    exchange -> accept(workflowId, exchange)), "event consumer");
        }
    }

    @Override
    public synchronized void unsubscribe(UUID workflowId) {
        subscriptions.remove(workflowId);
        routes.remove(IngressCompiler.eventRouteId(workflowId.toString()));
        topics.forget(IngressCompiler.eventGroup(workflowId.toString()));
    }

    /** Handles one record; nothing from the record becomes a header (Camel headers are code paths). */
    private void accept(UUID workflowId, Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        KafkaManualCommit commit = in.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        String body = in.getBody(String.class);
        in.removeHeaders("*");
        PlatformEvent event;
        try {
            event = PlatformEvent.fromJson(json.read(body));
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.warn("skipped a record on {} that is not an event: {}", topic, e.getMessage());
            commit.commit();
            return;
        }
        Subscription subscription = subscriptions.get(workflowId);
        if (subscription != null && subscription.eventType().equals(event.type())) {
            subscription.handler().handle(event);
        }
        commit.commit();
    }


    @Override
    public void close() {
        topics.close();
    }
}
