package dev.placemat.workflows.app.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.deploy.RouteControl;
import dev.placemat.workflows.definition.TriggerSpec;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bus used when no Kafka is configured (Camel seda queues in a real CamelContext), and the event matching every
 * bus shares.
 */
class InProcessEventBusTest {

    private static final StoredJson JSON = new StoredJson(new ObjectMapper());

    private DefaultCamelContext camel;
    private InProcessEventBus bus;

    @BeforeEach
    void open() {
        camel = new DefaultCamelContext();
        camel.start();
        bus = new InProcessEventBus(new RouteControl(camel), camel.createProducerTemplate(), JSON);
    }

    @AfterEach
    void close() {
        bus.close();
        camel.stop();
    }

    private static PlatformEvent event(String id, String type) {
        return new PlatformEvent(id, type, JsonNodeFactory.instance.objectNode().put("id", id), 0);
    }

    @Test
    void deliversEachEventToTheWorkflowsOfItsTypeOnly() {
        List<String> won = new CopyOnWriteArrayList<>();
        List<String> created = new CopyOnWriteArrayList<>();
        bus.subscribe(UUID.randomUUID(), "deal.won", e -> won.add(e.id()));
        bus.subscribe(UUID.randomUUID(), "deal.created", e -> created.add(e.id()));

        bus.publish(event("e1", "deal.won"));
        bus.publish(event("e2", "deal.created"));
        bus.publish(event("e3", "deal.lost"));

        await().atMost(Duration.ofSeconds(5)).until(() -> won.size() == 1 && created.size() == 1);
        assertThat(won).containsExactly("e1");
        assertThat(created).containsExactly("e2");
    }

    @Test
    void triesAFailedDeliveryAgain() {
        AtomicInteger attempts = new AtomicInteger();
        bus.subscribe(UUID.randomUUID(), "flaky", e -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database away");
            }
        });
        bus.publish(event("e1", "flaky"));
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
        // the redelivery delays of the route: 200 ms, then 400 ms

    }

    @Test
    void stopsDeliveringOnceUnsubscribedAndMovesWithANewType() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        UUID workflow = UUID.randomUUID();
        bus.subscribe(workflow, "a", e -> seen.add(e.id()));
        bus.subscribe(workflow, "b", e -> seen.add(e.id()));
        bus.publish(event("on-a", "a"));
        bus.publish(event("on-b", "b"));
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
        bus.unsubscribe(workflow);
        bus.publish(event("after", "b"));
        Thread.sleep(200);
        assertThat(seen).containsExactly("on-b");
    }

    @Test
    void carriesATypeOnlyWhileAWorkflowSubscribesToIt() {
        UUID workflow = UUID.randomUUID();
        assertThat(bus.carries("workflow.completed")).isFalse();
        bus.subscribe(workflow, "workflow.completed", e -> { });
        assertThat(bus.carries("workflow.completed")).isTrue();
        assertThat(bus.carries("workflow.failed")).isFalse();
        bus.unsubscribe(workflow);
        assertThat(bus.carries("workflow.completed")).isFalse();
    }

    @Test
    void matchesTheTypeAndTheConditionsOnTheEventData() throws Exception {
        ObjectNode config = (ObjectNode) new ObjectMapper().readTree("{\"event_type\":\"deal.stage_changed\","
                + "\"conditions\":[{\"field\":\"new_stage\",\"operator\":\"equals\",\"value\":\"Closed Won\"}]}");
        TriggerSpec trigger = new TriggerSpec("event", config);
        ObjectNode wonData = JsonNodeFactory.instance.objectNode().put("new_stage", "Closed Won");
        ObjectNode lostData = JsonNodeFactory.instance.objectNode().put("new_stage", "Lost");
        assertThat(EventDelivery.matches(trigger, new PlatformEvent("1", "deal.stage_changed", wonData, 0))).isTrue();
        assertThat(EventDelivery.matches(trigger, new PlatformEvent("2", "deal.stage_changed", lostData, 0))).isFalse();
        assertThat(EventDelivery.matches(trigger, new PlatformEvent("3", "deal.created", wonData, 0))).isFalse();
    }

    @Test
    void travelsAsJsonWithItsIdTypeDepthAndData() {
        PlatformEvent event = new PlatformEvent("id-1", "t.x", JsonNodeFactory.instance.objectNode().put("a", 1), 3);
        assertThat(PlatformEvent.fromJson(JSON.read(event.toJson()))).isEqualTo(event);
    }
}
