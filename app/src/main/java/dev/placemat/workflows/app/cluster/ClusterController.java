package dev.placemat.workflows.app.cluster;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cluster} (admins): every node incarnation, alive or not, and what each runs now. */
@RestController
@RequestMapping("/api/cluster")
@RequiredArgsConstructor
public class ClusterController {

    /** The answer: how many nodes are alive, and each node. */
    public record ClusterView(int live, List<ClusterNodes.Node> nodes) {}

    private final ClusterNodes nodes;

    @GetMapping
    public ClusterView cluster() {
        List<ClusterNodes.Node> all = nodes.list();
        return new ClusterView((int) all.stream().filter(n -> "alive".equals(n.status())).count(), all);
    }
}
