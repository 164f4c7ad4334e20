package dev.placemat.workflows.compiler;

import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.spi.PlatformServices;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Turns a validated workflow definition into the Camel route model of its body: one route from
 * {@code direct:wf-<route key>} holding the steps in order, a choice for each conditional step, the route
 * structure of control steps, and one redelivery policy per step. The input is not modified; no CamelContext is
 * needed to compile.
 */
public final class WorkflowCompiler {

    private final ActionRegistry actions;
    private final Executor workers;
    private final PlatformServices services;

    /**
     * @param workers where task actions run, so that step timeouts can be enforced
     * @param services what actions may use at run time
     */
    public WorkflowCompiler(ActionRegistry actions, Executor workers, PlatformServices services) {
        this.actions = actions;
        this.workers = workers;
        this.services = services;
    }

    /**
     * @param routeKey makes the body route's id and endpoint unique in the CamelContext, so that a new deployment
     *                 can run beside the one it replaces; step node ids depend on the workflow id only
     */
    public CompiledWorkflow compile(String workflowId, WorkflowDefinition definition, String routeKey) {
        String endpoint = NodeIds.bodyEndpoint(routeKey);
        RouteDefinition route = new RouteDefinition();
        route.from(endpoint);
        route.routeId(NodeIds.bodyRoute(routeKey));
        route.setDescription(definition.name());
        route.setErrorHandlerFactory(quietErrorHandler());
        List<StepSpec> steps = definition.steps();
        RetryPolicies.addTo(route, steps);
        new StepCompiler(workflowId, actions, workers, services).compile(route, steps);
        return new CompiledWorkflow(workflowId, endpoint, route);
    }

    /** Failures are recorded per step; Camel must not log exchanges (they hold user data). */
    static DefaultErrorHandlerDefinition quietErrorHandler() {
        return new DefaultErrorHandlerDefinition()
                .maximumRedeliveries(0)
                .logExhausted(false)
                .logStackTrace(false)
                .logRetryAttempted(false)
                .logExhaustedMessageHistory(false)
                .logExhaustedMessageBody(false);
    }
}
