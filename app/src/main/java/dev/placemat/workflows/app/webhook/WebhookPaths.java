package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.TriggerIngress;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The workflows deployed under each webhook id. One route serves every webhook path and looks the id up here, so
 * deploying a webhook workflow changes this map and nothing in Camel or Spring MVC.
 */
@Component
public class WebhookPaths implements TriggerIngress {

    private final Map<String, Set<UUID>> webhookWorkflows = new ConcurrentHashMap<>();

    /** The workflows deployed under a webhook id. */
    public Set<UUID> workflowsOf(String webhookId) {
        return webhookWorkflows.getOrDefault(webhookId, Set.of());
    }

    @Override
    public synchronized void attach(Deployment deployment, Deployment previous) {
        String webhookId = webhookIdOf(deployment);
        if (previous != null && webhookIdOf(previous) != null && !webhookIdOf(previous).equals(webhookId)) {
            detach(previous);
        }
        if (webhookId != null) {
            webhookWorkflows.computeIfAbsent(webhookId, id -> ConcurrentHashMap.newKeySet()).add(deployment.workflowId());
        }
    }

    @Override
    public synchronized void detach(Deployment deployment) {
        String webhookId = webhookIdOf(deployment);
        Set<UUID> workflows = webhookId == null ? null : webhookWorkflows.get(webhookId);
        if (workflows == null) {
            return;
        }
        workflows.remove(deployment.workflowId());
        if (workflows.isEmpty()) {
            webhookWorkflows.remove(webhookId);
        }
    }

    private static String webhookIdOf(Deployment deployment) {
        var trigger = deployment.definition().trigger();
        return "webhook".equals(trigger.type()) ? trigger.text("webhook_id", null) : null;
    }
}
