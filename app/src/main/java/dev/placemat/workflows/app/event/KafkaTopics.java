package dev.placemat.workflows.app.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The event topic and the starting point of new consumer groups. A workflow deployed now should see the events
 * published from now on, not the topic's whole history and not only those published after its consumer happened to
 * join: its group's offsets are set to the topic's end once, before its consumer starts.
 */
final class KafkaTopics implements AutoCloseable {

    private static final int TIMEOUT_SECONDS = 15;

    private final Admin admin;
    private final String topic;
    private final int partitions;
    private volatile boolean topicReady;

    KafkaTopics(String brokers, String topic, int partitions) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000));
        this.topic = topic;
        this.partitions = partitions;
    }

    /** Creates the event topic if it does not exist. */
    void ensureTopic() {
        if (topicReady) {
            return;
        }
        try {
            if (!admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            topicReady = true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw unreachable(e.getCause());
            }
            topicReady = true;
        } catch (InterruptedException | TimeoutException e) {
            throw unreachable(e);
        }
    }

    /** Sets a consumer group that has never committed to the end of the topic. */
    void startAtEnd(String group) {
        ensureTopic();
        try {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!committed.isEmpty()) {
                return;
            }
            var description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((partition, info) -> offsets.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw unreachable(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw unreachable(e);
        }
    }

    /**
     * Forgets an undeployed workflow's group, so that a later deployment starts at the end of the topic rather than
     * replaying what was published while it was off. A group still consumed elsewhere is left alone.
     */
    void forget(String group) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // not empty (another node still consumes it) or not known: nothing to forget
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IllegalStateException unreachable(Throwable cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Kafka is not reachable: " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        admin.close();
    }
}
