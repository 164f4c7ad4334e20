package dev.placemat.workflows.app.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code target/placemat-workflows.jar}) as a user runs it: its own process on a free port, an
 * embedded PostgreSQL in a temporary data directory, and the admin password it prints on its first start.
 */
final class PackagedApp implements AutoCloseable {

    private static final Pattern PASSWORD = Pattern.compile("username: admin {2}password: (\\S+)");

    private final Process process;
    private final Path log;
    private final Path dataDir;
    final int port;

    private PackagedApp(Process process, Path log, Path dataDir, int port) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.port = port;
    }

    static PackagedApp start(Path jar, Path log) throws IOException {
        return start(jar, log, java.util.Map.of());
    }

    /** Started with extra environment variables, such as {@code WORKFLOWS_ADMIN_TOKEN}. */
    static PackagedApp start(Path jar, Path log, java.util.Map<String, String> environment) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the package phase builds it before integration-test");
        }
        int port = freePort();
        Path dataDir = Files.createTempDirectory("placemat-e2e-data-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--workflows.database.embedded.durable=false"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("WORKFLOWS_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("WORKFLOWS_OUTBOUND_ALLOW", "127.0.0.1");
        builder.environment().remove("WORKFLOWS_ADMIN_TOKEN");
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(environment);
        return new PackagedApp(builder.start(), log, dataDir, port);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Waits for /actuator/health to answer 200; fails with the log's tail when the app dies or is too slow. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app was not ready within " + timeout + ":\n" + tail());
    }

    /** The one-time admin password the first start prints. */
    String adminPassword() throws IOException {
        Matcher matcher = PASSWORD.matcher(Files.readString(log));
        if (!matcher.find()) {
            throw new IllegalStateException("the app printed no admin password:\n" + tail());
        }
        return matcher.group(1);
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops the app (it stops its embedded PostgreSQL), forcibly after 30 s, and removes the data directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException ignored) {
            // best effort: it is a temporary directory
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
