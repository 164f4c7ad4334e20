package dev.placemat.workflows.app.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.engine.ExecutionEnded;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code workflow.completed} and {@code workflow.failed} when an execution ends (workflow id, execution
 * id, status, error, final context), so that one workflow can start another. The event's depth is one more than the
 * ended execution's; past {@code workflows.events.max-depth} nothing is published, which stops a chain that loops.
 * Nothing is built or handed over when the bus would carry the event to no one.
 */
@Component
public class WorkflowEndEvents {

    private static final Logger log = LoggerFactory.getLogger(WorkflowEndEvents.class);

    private final EventBus bus;
    private final int maxDepth;
    /** Publishing may block (Kafka): it happens on a thread of its own, not the execution's. */
    private final ExecutorService publisher;

    public WorkflowEndEvents(EventBus bus, WorkflowsProperties properties, CamelContext camel) {
        this.bus = bus;
        this.maxDepth = properties.events().maxDepth();
        this.publisher = camel.getExecutorServiceManager().newSingleThreadExecutor(this, "placemat-workflow-events");
    }

    @EventListener
    public void ended(ExecutionEnded ended) {
        if (ended.workflowId() == null) {
            return;
        }
        String type = "completed".equals(ended.result().status()) ? "workflow.completed" : "workflow.failed";
        if (!bus.carries(type)) {
            return;
        }
        int depth = ended.triggerData().path("trigger").path("depth").asInt(0) + 1;
        if (depth > maxDepth) {
            log.warn("workflow {} ended at chain depth {}: no {} event is published (workflows.events.max-depth = {})",
                    ended.workflowId(), depth - 1, type, maxDepth);
            return;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("workflow_id", ended.workflowId().toString());
        data.put("execution_id", ended.result().executionId().toString());
        data.put("status", ended.result().status());
        data.put("error", ended.result().error());
        data.set("context", ended.result().context());
        PlatformEvent event = new PlatformEvent(ended.result().executionId().toString(), type, data, depth);
        publisher.execute(() -> {
            try {
                bus.publish(event);
            } catch (RuntimeException e) {
                log.warn("the {} event of execution {} was not published: {}", type, event.id(), e.getMessage());
            }
        });
    }
}
