package dev.placemat.workflows.compiler;

import org.apache.camel.Processor;
import org.apache.camel.model.RouteDefinition;

/**
 * Ingress routes: where executions come from. They are compiled apart from body routes because they outlive a
 * deployment (a webhook path stays served while the workflow behind it is redeployed) and may be shared (several
 * workflows under one webhook id).
 */
public final class IngressCompiler {

    public static final String WEBHOOK_PATH = "/webhooks/workflow/";

    private IngressCompiler() {}

    public static String webhookRouteId(String webhookId) {
        return NodeIds.webhookRoute(webhookId);
    }

    /**
     * {@code POST /webhooks/workflow/<id>} through camel-platform-http, handed to the acceptor. Camel never answers
     * with an exception's text ({@code muteException}); the acceptor writes every answer itself.
     */
    public static RouteDefinition webhook(String webhookId, Processor acceptor) {
        RouteDefinition route = new RouteDefinition();
        route.from("platform-http:" + WEBHOOK_PATH + webhookId + "?httpMethodRestrict=POST&muteException=true");
        route.routeId(webhookRouteId(webhookId));
        route.setDescription("webhook " + webhookId);
        route.process(acceptor).id(webhookRouteId(webhookId) + "-accept");
        return route;
    }
}
