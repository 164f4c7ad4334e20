package dev.placemat.workflows.app.deploy;

import dev.placemat.workflows.compiler.CompiledWorkflow;
import dev.placemat.workflows.definition.WorkflowDefinition;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncProducer;

/**
 * One deployed version of a workflow: its body route and the producer that starts executions on it. Executions
 * hold a lease while they run; a replaced deployment is removed only once no lease is held, so a redeploy never
 * cuts an execution short.
 */
public final class Deployment {

    private static final int RETIRED = -1;

    private final UUID workflowId;
    private final int version;
    private final WorkflowDefinition definition;
    private final CompiledWorkflow compiled;
    private final AsyncProducer producer;
    private final AtomicInteger leases = new AtomicInteger();
    private volatile boolean retiring;

    Deployment(UUID workflowId, int version, WorkflowDefinition definition, CompiledWorkflow compiled,
            AsyncProducer producer) {
        this.workflowId = workflowId;
        this.version = version;
        this.definition = definition;
        this.compiled = compiled;
        this.producer = producer;
    }

    public UUID workflowId() {
        return workflowId;
    }

    public int version() {
        return version;
    }

    public WorkflowDefinition definition() {
        return definition;
    }

    public String routeId() {
        return compiled.body().getRouteId();
    }

    public AsyncProducer producer() {
        return producer;
    }

    /** Takes a lease unless the deployment is retired. */
    boolean tryAcquire() {
        while (true) {
            int n = leases.get();
            if (n == RETIRED || retiring) {
                return false;
            }
            if (leases.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        leases.decrementAndGet();
    }

    /** Whether no execution holds a lease on it now. */
    boolean idle() {
        return leases.get() == 0;
    }

    void markRetiring() {
        retiring = true;
    }

    /** Retires the deployment if no execution holds a lease; true when it may be removed. */
    boolean tryRetire() {
        return retiring && leases.compareAndSet(0, RETIRED);
    }

    CompiledWorkflow compiled() {
        return compiled;
    }
}
