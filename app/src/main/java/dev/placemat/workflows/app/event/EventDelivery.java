package dev.placemat.workflows.app.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.engine.ExecutionLauncher;
import dev.placemat.workflows.app.recording.TimeOrderedIds;
import dev.placemat.workflows.compiler.ConditionPredicate;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.definition.TriggerSpec;
import dev.placemat.workflows.validation.Conditions;
import dev.placemat.workflows.validation.Errors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Delivers one event to one event workflow: if it is the workflow's event type and its conditions hold on the
 * event data, starts one execution, at most one per event id, whatever the number of deliveries. Returns once the
 * execution row is committed; throws when it could not be (the bus delivers the event again).
 */
@Component
@RequiredArgsConstructor
public class EventDelivery {

    private final RouteDeployer deployer;
    private final ExecutionLauncher launcher;
    private final EventDeliveries deliveries;

    /** @return whether an execution was started */
    public boolean deliver(UUID workflowId, PlatformEvent event) {
        Optional<Deployment> lease = deployer.lease(workflowId);
        if (lease.isEmpty()) {
            return false;
        }
        Deployment deployment = lease.get();
        boolean handedOver = false;
        try {
            if (!matches(deployment.definition().trigger(), event)) {
                return false;
            }
            EventDeliveries.Owner owner = deliveries.claim(workflowId, event.id(), TimeOrderedIds.next());
            if (owner.started()) {
                return false;
            }
            handedOver = true;
            launcher.launch(deployment, triggerData(event), owner.executionId());
            return true;
        } finally {
            if (!handedOver) {
                deployment.release();
            }
        }
    }

    static boolean matches(TriggerSpec trigger, PlatformEvent event) {
        if (!"event".equals(trigger.type()) || !event.type().equals(trigger.text("event_type", null))) {
            return false;
        }
        List<Condition> conditions = Conditions.read(trigger.config().get("conditions"), "trigger.config.conditions",
                new Errors());
        return ConditionPredicate.holds(conditions, event.data());
    }

    private static ObjectNode triggerData(PlatformEvent event) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("trigger")
                .put("type", "event")
                .put("event", event.type())
                .put("event_id", event.id())
                .put("depth", event.depth());
        data.set("event_data", event.data().deepCopy());
        return data;
    }
}
