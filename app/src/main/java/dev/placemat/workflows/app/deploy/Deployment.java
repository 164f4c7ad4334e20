package dev.placemat.workflows.app.deploy;

import dev.placemat.workflows.compiler.CompiledWorkflow;
import dev.placemat.workflows.definition.WorkflowDefinition;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.camel.AsyncProducer;

/**
 * One deployed version of a workflow and, once an execution needs it, its body route and the producer that starts
 * executions on it: the route is loaded into Camel on first use, so that thousands of deployed workflows that do not
 * run cost no route. Executions hold a lease while they run; a replaced deployment is removed only once no lease is
 * held, so a redeploy never cuts an execution short.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class Deployment {

    private static final int RETIRED = -1;

    /** The body route in Camel and the producer that starts executions on it. */
    record Loaded(CompiledWorkflow compiled, AsyncProducer producer) {}

    private final UUID workflowId;
    private final int version;
    private final WorkflowDefinition definition;
    private final String routeKey;
    private final Function<Deployment, Loaded> loader;
    private final AtomicInteger leases = new AtomicInteger();
    private volatile Loaded loaded;
    private volatile boolean retiring;

    public UUID workflowId() {
        return workflowId;
    }

    public int version() {
        return version;
    }

    public WorkflowDefinition definition() {
        return definition;
    }

    String routeKey() {
        return routeKey;
    }

    /** The producer of the body route, loading the route into Camel first if no execution needed it yet. */
    public AsyncProducer producer() {
        Loaded now = loaded;
        if (now == null) {
            synchronized (this) {
                now = loaded;
                if (now == null) {
                    now = loader.apply(this);
                    loaded = now;
                }
            }
        }
        return now.producer();
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

    /** The body route as loaded, or null when it never was. */
    Loaded loaded() {
        return loaded;
    }
}
