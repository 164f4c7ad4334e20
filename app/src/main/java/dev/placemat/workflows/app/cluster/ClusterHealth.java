package dev.placemat.workflows.app.cluster;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The node is DOWN (health 503, out of the load balancer) while its lease is not valid: its heartbeat has not reached
 * PostgreSQL within {@code lease-seconds}, it was declared dead and has not joined again, or it drains for a stop.
 * It claims no work meanwhile.
 */
@Component("cluster")
@RequiredArgsConstructor
public class ClusterHealth implements HealthIndicator {

    private final ClusterNode node;

    @Override
    public Health health() {
        return node.leaseValid() ? Health.up().build() : Health.down().build();
    }
}
