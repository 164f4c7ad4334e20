package dev.placemat.workflows.app.event;

import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.TriggerIngress;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Event workflows subscribe to the bus while deployed; a redeploy with another event type moves the subscription. */
@Component
public class EventSubscriptions implements TriggerIngress {

    private final EventBus bus;
    private final EventDelivery delivery;

    public EventSubscriptions(EventBus bus, @Lazy EventDelivery delivery) {
        this.bus = bus;
        this.delivery = delivery;
    }

    @Override
    public void attach(Deployment deployment, Deployment previous) {
        if (previous != null && isEvent(previous) && !isEvent(deployment)) {
            detach(previous);
        }
        if (isEvent(deployment)) {
            var workflowId = deployment.workflowId();
            bus.subscribe(workflowId, deployment.definition().trigger().text("event_type", null),
                    event -> delivery.deliver(workflowId, event));
        }
    }

    @Override
    public void detach(Deployment deployment) {
        if (isEvent(deployment)) {
            bus.unsubscribe(deployment.workflowId());
        }
    }

    private static boolean isEvent(Deployment deployment) {
        return "event".equals(deployment.definition().trigger().type());
    }
}
