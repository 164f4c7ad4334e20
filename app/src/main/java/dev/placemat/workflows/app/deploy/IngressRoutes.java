package dev.placemat.workflows.app.deploy;

import dev.placemat.workflows.app.webhook.WebhookIngress;
import dev.placemat.workflows.compiler.IngressCompiler;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The stable ingress routes: one platform-http route per webhook id, shared by every workflow deployed under that
 * id, added with the first and removed with the last. Redeploying a workflow leaves its ingress route alone.
 */
@Component
public class IngressRoutes {

    private static final Logger log = LoggerFactory.getLogger(IngressRoutes.class);

    private final ModelCamelContext camel;
    private final WebhookIngress webhooks;
    private final PlatformHttpMappings mappings;
    private final Map<String, Set<UUID>> webhookWorkflows = new ConcurrentHashMap<>();

    public IngressRoutes(CamelContext camel, @Lazy WebhookIngress webhooks, PlatformHttpMappings mappings) {
        this.camel = (ModelCamelContext) camel;
        this.webhooks = webhooks;
        this.mappings = mappings;
    }

    /** The workflows deployed under a webhook id. */
    public Set<UUID> workflowsOf(String webhookId) {
        return webhookWorkflows.getOrDefault(webhookId, Set.of());
    }

    synchronized void attach(Deployment deployment) {
        String webhookId = webhookIdOf(deployment);
        if (webhookId == null) {
            return;
        }
        Set<UUID> workflows = webhookWorkflows.computeIfAbsent(webhookId, id -> ConcurrentHashMap.newKeySet());
        boolean first = workflows.isEmpty();
        workflows.add(deployment.workflowId());
        if (first) {
            RouteDefinition route = IngressCompiler.webhook(webhookId, webhooks.processorFor(webhookId));
            try {
                camel.addRouteDefinition(route);
            } catch (Exception e) {
                workflows.remove(deployment.workflowId());
                throw new IllegalStateException("the webhook route could not be started: " + e.getMessage(), e);
            }
        }
    }

    /** Detaches the old deployment when its replacement listens elsewhere (a changed webhook id or trigger). */
    synchronized void detachIfChanged(Deployment previous, Deployment next) {
        String before = webhookIdOf(previous);
        if (before != null && !before.equals(webhookIdOf(next))) {
            detach(previous);
        }
    }

    synchronized void detach(Deployment deployment) {
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
            remove(IngressCompiler.webhookRouteId(webhookId));
        }
    }

    private void remove(String routeId) {
        try {
            var route = camel.getRoute(routeId);
            if (route == null) {
                return;
            }
            Endpoint endpoint = route.getEndpoint();
            camel.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
            camel.removeRoute(routeId);
            camel.removeEndpoint(endpoint);
        } catch (Exception e) {
            log.warn("removing ingress route {} failed: {}", routeId, e.getMessage());
        }
    }

    private static String webhookIdOf(Deployment deployment) {
        var trigger = deployment.definition().trigger();
        return "webhook".equals(trigger.type()) ? trigger.text("webhook_id", null) : null;
    }
}
