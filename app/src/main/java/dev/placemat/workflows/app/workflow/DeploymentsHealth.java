package dev.placemat.workflows.app.workflow;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** A node that starts is DOWN until it has loaded every stored deployment: a load balancer sends it nothing before. */
@Component("deployments")
@RequiredArgsConstructor
public class DeploymentsHealth implements HealthIndicator {

    private final ClusterDeployments deployments;

    @Override
    public Health health() {
        return deployments.caughtUp() ? Health.up().build() : Health.down().build();
    }
}
