package dev.placemat.workflows.app.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code placemat_cluster_nodes_live}: the nodes alive as this node saw them at its last heartbeat. */
@Component
public class ClusterMetrics {

    static final String LIVE_NODES = "placemat.cluster.nodes.live";

    public ClusterMetrics(MeterRegistry registry, ClusterNode node) {
        Gauge.builder(LIVE_NODES, node, ClusterNode::liveNodes)
                .description("Nodes of the cluster that heartbeat (this one included)")
                .register(registry);
    }
}
