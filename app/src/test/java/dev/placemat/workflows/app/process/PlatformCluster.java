package dev.placemat.workflows.app.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Several packaged platforms as separate processes on one PostgreSQL server: the embedded PostgreSQL binaries
 * started as a standalone server by the test (durable, as a real server would be), every node on its own port and
 * data directory, sharing the database and the key that seals secrets, as docker-compose.yml runs them.
 */
final class PlatformCluster implements AutoCloseable {

    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final EmbeddedPostgres postgres;
    private final Path root;
    private final List<PlatformProcess> nodes = new ArrayList<>();
    private final JdbcClient jdbc;

    PlatformCluster(int size, Map<String, String> environment) throws IOException {
        root = Files.createTempDirectory("placemat-cluster-");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(root.resolve("postgres"))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        for (int i = 1; i <= size; i++) {
            Path dataDir = Files.createDirectories(root.resolve("node-" + i));
            PlatformProcess node = new PlatformProcess(dataDir)
                    .with("DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"))
                    .with("WORKFLOWS_SECRET_KEY", SECRET_KEY)
                    .with("WORKFLOWS_CLUSTER_NODE_NAME", "node-" + i);
            environment.forEach(node::with);
            nodes.add(node);
        }
    }

    /**
     * Starts the first node (it creates the schema), then the others side by side, and waits until each is healthy;
     * three JVMs starting on two shared cores take a while.
     */
    void start() throws IOException {
        nodes.get(0).start();
        for (PlatformProcess node : nodes.subList(1, nodes.size())) {
            node.launch();
        }
        nodes.forEach(node -> node.awaitHealthy(Duration.ofMinutes(4)));
    }

    /** Node {@code n}, counted from 1. */
    PlatformProcess node(int n) {
        return nodes.get(n - 1);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** The tail of every node's log, for a failure's message. */
    String logs() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            out.append("\n--- node-").append(i + 1).append(" (tail) ---\n").append(nodes.get(i).logTail());
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        nodes.forEach(PlatformProcess::kill);
        postgres.close();
        FileSystemUtils.deleteRecursively(root);
    }
}
