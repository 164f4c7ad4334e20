package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.app.cluster.ClusterNode;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A node that is stopped lets the steps it runs finish (up to {@link #GRACE}), starts no further step, and leaves its
 * executions, unfinished, to whichever node takes them (itself after a restart): nothing is failed by a planned stop,
 * and no step in flight is cut off unless it outlasts the grace.
 */
@Component
@RequiredArgsConstructor
public class GracefulStop {

    static final Duration GRACE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final ClusterNode node;
    private final LiveExecutions live;

    @EventListener(ContextClosedEvent.class)
    public void drain() {
        node.drain();
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (live.count() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (live.count() > 0) {
            log.warn("{} execution(s) still ran after {} s; they are left to resume elsewhere", live.count(),
                    GRACE.toSeconds());
            live.abandonAll("the node was stopped");
        }
    }
}
