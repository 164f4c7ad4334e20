package dev.placemat.workflows.app.metrics;

import dev.placemat.workflows.app.engine.ExecutionEnded;
import dev.placemat.workflows.app.engine.LiveExecutions;
import dev.placemat.workflows.app.engine.StepEnds;
import dev.placemat.workflows.runtime.StepRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Workflow metrics for {@code /actuator/prometheus}: executions by workflow and status, execution and step
 * durations. Tags are bounded ids only (workflow id, status, action type), never trigger or user data.
 */
@Component
public class ExecutionMetrics implements StepEnds {

    static final String EXECUTIONS = "placemat.workflow.executions";
    static final String EXECUTION_DURATION = "placemat.workflow.execution.duration";
    static final String STEP_DURATION = "placemat.workflow.step.duration";

    private final MeterRegistry registry;

    static final String LIVE = "placemat.executions.live";

    public ExecutionMetrics(MeterRegistry registry, LiveExecutions live) {
        this.registry = registry;
        Gauge.builder(LIVE, live, LiveExecutions::count)
                .description("Executions running on this node now (a durable wait holds none)")
                .register(registry);
    }

    @EventListener
    public void executionEnded(ExecutionEnded ended) {
        String workflow = String.valueOf(ended.workflowId());
        String status = ended.result().status();
        Counter.builder(EXECUTIONS).description("Executions that ended, by workflow and status")
                .tag("workflow_id", workflow).tag("status", status)
                .register(registry).increment();
        Timer.builder(EXECUTION_DURATION).description("How long executions took, from start to end")
                .tag("workflow_id", workflow).tag("status", status)
                .register(registry).record(Duration.between(ended.startedAt(), Instant.now()));
    }

    @Override
    public void ended(UUID workflowId, StepRecord step) {
        if (step.startedAt() == null || step.completedAt() == null) {
            return;
        }
        Timer.builder(STEP_DURATION).description("How long each step attempt took")
                .tag("workflow_id", String.valueOf(workflowId))
                .tag("action_type", step.actionType())
                .tag("status", step.status().id())
                .register(registry).record(Duration.between(step.startedAt(), step.completedAt()));
    }

}
