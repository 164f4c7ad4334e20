package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * How many executions this node runs at once: each holds a slot of the node's capacity and one of its workflow's
 * limits while it runs here (a wait suspended in the database holds neither). New executions past a limit are
 * refused; executions resumed here are taken only when there is room, never by waiting for it.
 */
@Component
public class Admission {

    private final WorkflowLimits limits;
    private final int slots;
    private final Semaphore capacity;

    public Admission(WorkflowLimits limits, WorkflowsProperties properties) {
        this.limits = limits;
        this.slots = properties.execution().queueCapacity();
        this.capacity = new Semaphore(slots);
    }

    /** Executions running here now. */
    int running() {
        return slots - capacity.availablePermits();
    }

    /** Takes a slot for a new execution, or throws the refusal (429 for the workflow's limits, 503 for the node). */
    void admit(UUID workflowId) {
        limits.acquire(workflowId);
        if (!capacity.tryAcquire()) {
            limits.release(workflowId);
            throw new LaunchRefused("the platform is at capacity; try again shortly", 1);
        }
    }

    /** Takes a slot for an execution accepted before (resumed here), when there is room; the workflow's limits count it. */
    public boolean tryReadmit(UUID workflowId) {
        if (!capacity.tryAcquire()) {
            return false;
        }
        limits.acquireAlways(workflowId);
        return true;
    }

    public void release(UUID workflowId) {
        capacity.release();
        limits.release(workflowId);
    }

    /** Slots free now: how many executions recovery may take on. */
    public int free() {
        return capacity.availablePermits();
    }
}
