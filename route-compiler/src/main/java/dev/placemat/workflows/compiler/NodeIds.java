package dev.placemat.workflows.compiler;

/**
 * Stable ids for routes and nodes, derived from the workflow id and the step key, so that a node keeps its id from
 * one deployment to the next and the console's statistics stay attached to it.
 */
public final class NodeIds {

    private NodeIds() {}

    public static String bodyRoute(String routeKey) {
        return "wf-" + routeKey;
    }

    public static String bodyEndpoint(String routeKey) {
        return "direct:" + bodyRoute(routeKey);
    }

    public static String step(String workflowId, String stepKey) {
        return "wf-" + workflowId + "-step-" + stepKey;
    }

    public static String stepPart(String workflowId, String stepKey, String part) {
        return step(workflowId, stepKey) + "-" + part;
    }

    /** The one route that serves every webhook path. */
    public static final String WEBHOOK_ROUTE = "webhooks";
}
