package dev.placemat.workflows.app.deploy;

/**
 * Where executions of one kind of trigger come from (webhook paths, schedules, event subscriptions). The deployer
 * tells every ingress about each deployment; each acts only on its own trigger type and keeps its ingress in place
 * across redeploys unless what it listens to changed.
 */
public interface TriggerIngress {

    /** A workflow was deployed, for the first time or again (then {@code previous} is not null). */
    void attach(Deployment deployment, Deployment previous);

    /** A workflow was undeployed or deleted. */
    void detach(Deployment deployment);
}
