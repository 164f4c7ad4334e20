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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
 * Hot-loads compiled workflows into the running CamelContext. A deploy compiles the definition (so that it fails
 * now if it cannot load) and attaches its triggers; its body route is added to Camel when the first execution needs
 * it. A redeploy is blue/green: new executions go to the new version, and the old route is removed once the
 * executions it still runs have ended. Ingress routes (webhook paths, schedules, topics) stay in place across
 * redeploys.
 */
@Component
public class RouteDeployer {

    private static final Logger log = LoggerFactory.getLogger(RouteDeployer.class);
    private static final long VERSION_IDLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    private final ModelCamelContext camel;
    private final RouteControl routes;
    private final WorkflowCompiler compiler;
    private final ObjectProvider<TriggerIngress> ingresses;
    private final Map<UUID, Deployment> deployments = new ConcurrentHashMap<>();
    /** Versions other than the deployed one, loaded for executions that resume on the version they started on. */
    private final Map<String, Deployment> versions = new ConcurrentHashMap<>();
    private final Map<String, Long> idleSince = new ConcurrentHashMap<>();
    private final List<Deployment> retiring = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService removals;

    public RouteDeployer(CamelContext camel, RouteControl routes, WorkflowCompiler compiler,
            ObjectProvider<TriggerIngress> ingresses) {
        this.camel = (ModelCamelContext) camel;
        this.routes = routes;
        this.compiler = compiler;
        this.ingresses = ingresses;
        this.removals = camel.getExecutorServiceManager().newSingleThreadExecutor(this, "route-retirement");
    }

    /** Deploys a version of a workflow, replacing the version deployed before. */
    public synchronized Deployment deploy(UUID workflowId, int version, WorkflowDefinition definition) {
        String routeKey = workflowId + "-" + generation.incrementAndGet();
        compiler.compile(workflowId.toString(), definition, routeKey);
        Deployment deployment = new Deployment(workflowId, version, definition, routeKey, this::load);
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
        log.info("deployed workflow {} version {}", workflowId, version);
        return deployment;
    }

    /**
     * Loads a definition that is not deployed (a test run; {@code workflowId} null when it is not even stored) under a
     * lease that the caller hands to its one execution; {@link #discard} removes it once that execution has ended.
     */
    public Deployment deployDetached(UUID workflowId, int version, WorkflowDefinition definition) {
        Deployment deployment = new Deployment(workflowId, version, definition, "test-" + generation.incrementAndGet(),
                this::load);
        deployment.producer();
        deployment.tryAcquire();
        return deployment;
    }

    /** Compiles a deployment's definition and starts its body route. */
    private Deployment.Loaded load(Deployment deployment) {
        String key = deployment.routeKey();
        CompiledWorkflow compiled = compiler.compile(deployment.workflowId() == null ? key
                : deployment.workflowId().toString(), deployment.definition(), key);
        if (!key.startsWith("test-")) {
            name(compiled, deployment);
        }
        try {
            camel.addRouteDefinition(compiled.body());
            AsyncProducer producer = camel.getEndpoint(compiled.endpoint()).createAsyncProducer();
            producer.start();
            return new Deployment.Loaded(compiled, producer);
        } catch (Exception e) {
            removeQuietly(compiled.body().getRouteId(), compiled.endpoint());
            throw new IllegalStateException("the workflow could not be loaded into Camel: " + e.getMessage(), e);
        }
    }

    /**
     * Names a workflow's body route for people (the console lists it as {@code Orders to CRM (v3)}), with the
     * workflow's id in its description; a second route of the same name (a namesake, or the version it replaces
     * while that finishes) gets a number.
     */
    private void name(CompiledWorkflow compiled, Deployment deployment) {
        String base = deployment.definition().name() + " (v" + deployment.version() + ")";
        String name = base;
        for (int n = 2; camel.getRoute(name) != null; n++) {
            name = base + " #" + n;
        }
        compiled.body().setId(name);
        compiled.body().setDescription("workflow " + deployment.workflowId() + ", version " + deployment.version());
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

    /**
     * A lease on a given version of a workflow: the deployed one when it is that version, else that version loaded
     * beside it (once, for every execution that needs it) and removed once no execution has used it for a while.
     * Executions resume on the version they started on, whatever was deployed since.
     */
    public Deployment leaseVersion(UUID workflowId, int version, Supplier<WorkflowDefinition> definition) {
        Deployment current = deployments.get(workflowId);
        if (current != null && current.version() == version && current.tryAcquire()) {
            return current;
        }
        String key = workflowId + "@" + version;
        synchronized (versions) {
            Deployment kept = versions.get(key);
            if (kept != null && kept.tryAcquire()) {
                idleSince.remove(key);
                return kept;
            }
            Deployment loaded = new Deployment(workflowId, version, definition.get(),
                    workflowId + "-v" + version + "-" + generation.incrementAndGet(), this::load);
            loaded.tryAcquire();
            versions.put(key, loaded);
            return loaded;
        }
    }

    /** The version of each workflow deployed here now. */
    public Map<UUID, Integer> deployedVersions() {
        Map<UUID, Integer> versions = new java.util.HashMap<>();
        deployments.forEach((id, deployment) -> versions.put(id, deployment.version()));
        return versions;
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

    /**
     * Removes replaced routes whose executions have all ended, and versions loaded for resumed executions that no
     * execution used for a minute. Stopping a route may take seconds: that happens on a thread of its own.
     */
    @Scheduled(fixedDelay = 500)
    public void removeRetired() {
        retireIdleVersions();
        List<Deployment> done = new ArrayList<>();
        for (Deployment d : retiring) {
            if (d.tryRetire()) {
                done.add(d);
            }
        }
        retiring.removeAll(done);
        done.stream().filter(d -> d.loaded() != null).forEach(d -> removals.execute(() -> remove(d)));
    }

    private void retireIdleVersions() {
        long now = System.nanoTime();
        synchronized (versions) {
            versions.forEach((key, d) -> {
                if (!d.idle()) {
                    idleSince.remove(key);
                } else if (now - idleSince.computeIfAbsent(key, k -> now) > VERSION_IDLE_NANOS) {
                    versions.remove(key);
                    idleSince.remove(key);
                    retire(d);
                }
            });
        }
    }

    /** Stops the producer, then the route, and removes the route and its endpoint. */
    private void remove(Deployment deployment) {
        Deployment.Loaded loaded = deployment.loaded();
        loaded.producer().stop();
        removeQuietly(loaded.compiled().body().getRouteId(), loaded.compiled().endpoint());
    }

    /** Stops and removes a route and its endpoint (made even if no route was). */
    private void removeQuietly(String routeId, String endpointUri) {
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
