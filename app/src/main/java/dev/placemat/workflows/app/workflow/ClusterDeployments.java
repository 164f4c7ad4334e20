package dev.placemat.workflows.app.workflow;

import dev.placemat.workflows.app.cluster.ClusterSignals;
import dev.placemat.workflows.app.cluster.NodeFenced;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps what this node has loaded equal to the stored deployments ({@code workflows.deployed_version}), the one
 * truth of the cluster (docs/adr/0030-cluster-deploy-propagation.md). A deploy, undeploy or delete on any node is
 * stored and signalled on {@link #CHANNEL} in one transaction; every node then loads what is stored. Every
 * {@code workflows.cluster.reconcile-seconds}, and after the signal connection was lost, the node compares all of it,
 * so a missed signal converges. At startup the node loads everything before its health says UP. Local loading and
 * reading the stored state happen under one lock, so an older read never undoes a newer one.
 */
@Component
@Order(10)
public class ClusterDeployments implements ApplicationRunner {

    /** The channel of deploy signals; the payload is the workflow id. */
    static final String CHANNEL = "placemat_deploy";
    private static final Logger log = LoggerFactory.getLogger(ClusterDeployments.class);
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final WorkflowRepository workflows;
    private final DefinitionValidator validator;
    private final RouteDeployer deployer;
    private final NodeDeployments loaded;
    private final ClusterSignals signals;
    private final TransactionTemplate transactions;
    /** Versions that failed to load here ({@code id@version}): not tried again at every reconciliation. */
    private final Set<String> unloadable = new HashSet<>();
    private volatile boolean caughtUp;

    public ClusterDeployments(WorkflowRepository workflows, DefinitionValidator validator, RouteDeployer deployer,
            NodeDeployments loaded, ClusterSignals signals, TransactionTemplate transactions) {
        this.workflows = workflows;
        this.validator = validator;
        this.deployer = deployer;
        this.loaded = loaded;
        this.signals = signals;
        this.transactions = transactions;
        signals.subscribe(CHANNEL, this::signalled);
        signals.onReconnect(this::reconcile);
    }

    /** Whether the node has loaded every stored deployment since it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Loads every deployed workflow (one query for all definitions), then lets health say UP. */
    @Override
    public synchronized void run(ApplicationArguments args) {
        Map<UUID, Integer> here = deployer.deployedVersions();
        int count = 0;
        for (WorkflowRow row : workflows.deployed()) {
            if (!row.deployedVersion().equals(here.get(row.id())) && load(row)) {
                count++;
            }
        }
        loaded.flush();
        caughtUp = true;
        log.info("loaded {} deployed workflow(s)", count);
    }

    /** Loads the version locally (it fails here if it cannot load), then stores it and tells every node. */
    public synchronized void deploy(UUID id, int version, WorkflowDefinition definition) {
        deployer.deploy(id, version, definition);
        transactions.executeWithoutResult(tx -> {
            workflows.markDeployed(id, version);
            signals.publish(CHANNEL, id.toString());
        });
        loaded.loaded(id, version);
        loaded.flush();
    }

    /** Unloads the workflow here, stores that it is not deployed (or deletes it), and tells every node. */
    public synchronized boolean undeploy(UUID id, boolean delete) {
        deployer.undeploy(id);
        boolean found = Boolean.TRUE.equals(retryingDeadlocks(() -> transactions.execute(tx -> {
            boolean exists = delete ? workflows.delete(id) : workflows.find(id).isPresent();
            if (!delete) {
                workflows.markUndeployed(id);
            }
            signals.publish(CHANNEL, id.toString());
            return exists;
        })));
        loaded.removed(id);
        loaded.flush();
        return found;
    }

    /**
     * Runs the transaction again when PostgreSQL aborted it to break a deadlock. Deleting a workflow deletes its
     * executions before their step rows, while the execution writer's statement locks step rows and executions' rows
     * in an order of PostgreSQL's choosing: when the two meet on an execution still running, PostgreSQL may abort one
     * of them after a second.
     */
    private static <T> T retryingDeadlocks(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                log.info("a deadlock with a concurrent write aborted the transaction; trying again");
            }
        }
    }

    /** Compares everything loaded here with what is stored, and loads or unloads the difference. */
    @Scheduled(initialDelayString = "${workflows.cluster.reconcile-seconds:10}000",
            fixedDelayString = "${workflows.cluster.reconcile-seconds:10}000")
    public synchronized void reconcile() {
        if (!caughtUp) {
            return;
        }
        Map<UUID, Integer> stored = workflows.deployedVersions();
        Map<UUID, Integer> here = deployer.deployedVersions();
        Set<UUID> differing = new HashSet<>(here.keySet());
        differing.addAll(stored.keySet());
        differing.removeIf(id -> stored.get(id) != null && stored.get(id).equals(here.get(id)));
        differing.forEach(this::sync);
    }

    /** This node was declared dead and joins again as a new node: what it has loaded is recorded under that id. */
    @EventListener
    public void fenced(NodeFenced fenced) {
        deployer.deployedVersions().forEach(loaded::loaded);
    }

    private void signalled(String payload) {
        try {
            sync(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            log.warn("ignored a deploy signal that is not a workflow id: {}", payload);
        }
    }

    /** Brings one workflow here to its stored state. */
    private synchronized void sync(UUID id) {
        Optional<WorkflowRow> stored = workflows.findDeployed(id);
        Integer here = deployer.deployedVersions().get(id);
        if (stored.isEmpty()) {
            if (here != null) {
                deployer.undeploy(id);
                loaded.removed(id);
            }
        } else if (!stored.get().deployedVersion().equals(here)) {
            load(stored.get());
        }
    }

    private boolean load(WorkflowRow row) {
        String key = row.id() + "@" + row.deployedVersion();
        if (unloadable.contains(key)) {
            return false;
        }
        try {
            deployer.deploy(row.id(), row.deployedVersion(), validator.validate(row.definition()));
            loaded.loaded(row.id(), row.deployedVersion());
            return true;
        } catch (RuntimeException e) {
            unloadable.add(key);
            log.error("workflow {} ({}) version {} could not be loaded on this node: {}", row.id(), row.name(),
                    row.deployedVersion(), e.getMessage());
            return false;
        }
    }
}
