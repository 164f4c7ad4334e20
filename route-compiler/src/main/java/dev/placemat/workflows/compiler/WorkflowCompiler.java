package dev.placemat.workflows.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.runtime.EngineThreads;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.TaskAction;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;

/**
 * Turns a validated workflow definition into the Camel route model of its body: one route from
 * {@code direct:wf-<route key>} holding the steps in order, a choice for each conditional step, the route
 * structure of control steps, and one redelivery policy per step. The input is not modified; no CamelContext is
 * needed to compile.
 */
@RequiredArgsConstructor
public final class WorkflowCompiler {

    private final ActionRegistry actions;
    /** The workers task actions run on and the timers of timeouts, retries and waits, shared by every route. */
    private final EngineThreads threads;
    /** What actions may use at run time. */
    private final PlatformServices services;

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
        route.setErrorHandlerFactory(quietErrorHandler().executorService(threads.timers()));
        List<StepSpec> steps = definition.steps();
        RetryPolicies.addTo(route, steps);
        new StepCompiler(workflowId, actions, threads, services).compile(route, steps);
        return new CompiledWorkflow(workflowId, endpoint, route);
    }

    /**
     * Whether the step with {@code stepKey}, given its recorded input, is safe to run again after a crash: control
     * steps are; a task action decides from its config, and the step's {@code on_interrupt} overrides both.
     */
    public boolean repeatSafe(WorkflowDefinition definition, String stepKey, JsonNode input) {
        StepSpec step = definition.step(stepKey)
                .orElseThrow(() -> new IllegalArgumentException("no step " + stepKey + " in " + definition.name()));
        boolean safe = actions.find(step.actionType())
                .map(action -> !(action instanceof TaskAction<?> task) || new TaskLogic<>(task).repeatSafe(input))
                .orElse(false);
        return step.repeatSafe(safe);
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
