package dev.placemat.workflows.app.deploy;

import dev.placemat.workflows.app.webhook.WebhookIngress;
import dev.placemat.workflows.compiler.IngressCompiler;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The stable ingress routes: one platform-http route per webhook id, shared by every workflow deployed under that
 * id, added with the first and removed with the last. Redeploying a workflow leaves its ingress route alone.
 */
@Component
public class IngressRoutes implements TriggerIngress {

    private final RouteControl routes;
    private final WebhookIngress webhooks;
    private final PlatformHttpMappings mappings;
    private final Map<String, Set<UUID>> webhookWorkflows = new ConcurrentHashMap<>();

    public IngressRoutes(RouteControl routes, @Lazy WebhookIngress webhooks, PlatformHttpMappings mappings) {
        this.routes = routes;
        this.webhooks = webhooks;
        this.mappings = mappings;
    }

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
        if (webhookId == null) {
            return;
        }
        Set<UUID> workflows = webhookWorkflows.computeIfAbsent(webhookId, id -> ConcurrentHashMap.newKeySet());
        boolean first = workflows.isEmpty();
        workflows.add(deployment.workflowId());
        if (first) {
            try {
                routes.add(IngressCompiler.webhook(webhookId, webhooks.processorFor(webhookId)), "webhook route");
            } catch (IllegalStateException e) {
                workflows.remove(deployment.workflowId());
                throw e;
            }
        }
    }

    @Override
    public synchronized void detach(Deployment deployment) {
        String webhookId = webhookIdOf(deployment);
        if (webhookId == null) {
            return;
        }
        Set<UUID> workflows = webhookWorkflows.get(webhookId);
        if (workflows == null) {
            return;
        }
        workflows.remove(deployment.workflowId());
        if (workflows.isEmpty()) {
            webhookWorkflows.remove(webhookId);
            mappings.unregister(IngressCompiler.WEBHOOK_PATH + webhookId);
            routes.remove(IngressCompiler.webhookRouteId(webhookId));
        }
    }

    private static String webhookIdOf(Deployment deployment) {
        var trigger = deployment.definition().trigger();
        return "webhook".equals(trigger.type()) ? trigger.text("webhook_id", null) : null;
    }
}
