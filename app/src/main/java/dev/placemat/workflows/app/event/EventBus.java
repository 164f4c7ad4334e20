package dev.placemat.workflows.app.event;

import java.util.UUID;

/**
 * Carries events to the workflows that listen for them: Kafka when it is configured, else in process. Each
 * subscription belongs to one workflow and sees each event of its type at least once; handlers deduplicate.
 */
public interface EventBus extends AutoCloseable {

    /** @throws IllegalStateException when the event could not be handed to the bus */
    void publish(PlatformEvent event);

    /** Whether an event of this type may reach a subscriber: when it is false, publishing it would change nothing. */
    boolean carries(String eventType);

    /** Subscribes a workflow to one event type, replacing its subscription if it had one. */
    void subscribe(UUID workflowId, String eventType, EventHandler handler);

    void unsubscribe(UUID workflowId);

    @Override
    void close();
}
