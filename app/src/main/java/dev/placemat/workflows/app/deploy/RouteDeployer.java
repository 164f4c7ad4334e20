package dev.placemat.workflows.app.deploy;

import dev.placemat.workflows.compiler.CompiledWorkflow;
import dev.placemat.workflows.compiler.WorkflowCompiler;
import dev.placemat.workflows.definition.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.ModelCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hot-loads compiled workflows into the running CamelContext. A redeploy is blue/green: the new body route is added
 * and started first, then new executions go to it, and the old route is removed once the executions it still runs
 * have ended. Ingress routes (webhook paths, schedules, topics) stay in place across redeploys.
 */
@Component
public class RouteDeployer {

    private static final Logger log = LoggerFactory.getLogger(RouteDeployer.class);

    private final ModelCamelContext camel;
    private final RouteControl routes;
    private final WorkflowCompiler compiler;
    private final ObjectProvider<TriggerIngress> ingresses;
    private final Map<UUID, Deployment> deployments = new ConcurrentHashMap<>();
    private final List<Deployment> retiring = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();

    public RouteDeployer(CamelContext camel, RouteControl routes, WorkflowCompiler compiler,
            ObjectProvider<TriggerIngress> ingresses) {
        this.camel = (ModelCamelContext) camel;
        this.routes = routes;
        this.compiler = compiler;
        this.ingresses = ingresses;
    }

    /** Compiles and starts a version of a workflow, replacing the version deployed before. */
    public synchronized Deployment deploy(UUID workflowId, int version, WorkflowDefinition definition) {
        String routeKey = workflowId + "-" + generation.incrementAndGet();
        CompiledWorkflow compiled = compiler.compile(workflowId.toString(), definition, routeKey);
        Deployment deployment;
        try {
            camel.addRouteDefinition(compiled.body());
            Endpoint endpoint = camel.getEndpoint(compiled.endpoint());
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            deployment = new Deployment(workflowId, version, definition, compiled, producer);
        } catch (Exception e) {
            removeQuietly(compiled.body().getRouteId(), compiled.endpoint());
            throw new IllegalStateException("the workflow could not be loaded into Camel: " + e.getMessage(), e);
        }
        Deployment previous = deployments.put(workflowId, deployment);
        try {
            ingresses.orderedStream().forEach(ingress -> ingress.attach(deployment, previous));
        } catch (RuntimeException e) {
            restore(workflowId, deployment, previous);
            throw e;
        }
        if (previous != null) {
            retire(previous);
        }
        log.info("deployed workflow {} version {} as route {}", workflowId, version, deployment.routeId());
        return deployment;
    }

    /**
     * Loads a definition that is not stored (a test run) under a lease that the caller hands to its one execution;
     * {@link #discard} removes it once that execution has ended.
     */
    public Deployment deployDetached(WorkflowDefinition definition) {
        String key = "test-" + generation.incrementAndGet();
        CompiledWorkflow compiled = compiler.compile(key, definition, key);
        try {
            camel.addRouteDefinition(compiled.body());
            AsyncProducer producer = camel.getEndpoint(compiled.endpoint()).createAsyncProducer();
            producer.start();
            Deployment deployment = new Deployment(null, 0, definition, compiled, producer);
            deployment.tryAcquire();
            return deployment;
        } catch (Exception e) {
            removeQuietly(compiled.body().getRouteId(), compiled.endpoint());
            throw new IllegalStateException("the workflow could not be loaded into Camel: " + e.getMessage(), e);
        }
    }

    public void discard(Deployment deployment) {
        retire(deployment);
    }

    /** Stops new executions of a workflow; the running ones end first. */
    public synchronized boolean undeploy(UUID workflowId) {
        Deployment previous = deployments.remove(workflowId);
        if (previous == null) {
            return false;
        }
        ingresses.orderedStream().forEach(ingress -> ingress.detach(previous));
        retire(previous);
        log.info("undeployed workflow {}", workflowId);
        return true;
    }

    /** An ingress refused the new deployment (a schedule Quartz would not take): the previous one stays. */
    private void restore(UUID workflowId, Deployment failed, Deployment previous) {
        if (previous != null) {
            deployments.put(workflowId, previous);
        } else {
            deployments.remove(workflowId);
            ingresses.orderedStream().forEach(ingress -> ingress.detach(failed));
        }
        retire(failed);
    }

    /** The current deployment with a lease taken, or empty when the workflow is not deployed. */
    public Optional<Deployment> lease(UUID workflowId) {
        while (true) {
            Deployment d = deployments.get(workflowId);
            if (d == null) {
                return Optional.empty();
            }
            if (d.tryAcquire()) {
                return Optional.of(d);
            }
            Thread.onSpinWait();
        }
    }

    private void retire(Deployment deployment) {
        deployment.markRetiring();
        retiring.add(deployment);
        removeRetired();
    }

    /** Removes replaced routes whose executions have all ended. */
    @Scheduled(fixedDelay = 500)
    public void removeRetired() {
        List<Deployment> done = new ArrayList<>();
        for (Deployment d : retiring) {
            if (d.tryRetire()) {
                done.add(d);
            }
        }
        retiring.removeAll(done);
        done.forEach(d -> removeQuietly(d.routeId(), d.compiled().endpoint(), d));
    }

    /** Stops the producers, then the route, and removes the route and its endpoint (made even if no route was). */
    private void removeQuietly(String routeId, String endpointUri, Deployment... deployment) {
        for (Deployment d : deployment) {
            d.producer().stop();
        }
        routes.remove(routeId);
        try {
            Endpoint leftover = camel.hasEndpoint(endpointUri);
            if (leftover != null) {
                camel.removeEndpoint(leftover);
            }
        } catch (Exception e) {
            log.warn("removing endpoint {} failed: {}", endpointUri, e.getMessage());
        }
    }
}
