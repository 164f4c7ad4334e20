package dev.placemat.workflows.app.process;

import static org.awaitility.Awaitility.await;

import dev.placemat.workflows.app.support.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged platform ({@code target/placemat-workflows.jar}) as a separate process on a data directory, with
 * the means to kill it (SIGKILL, its embedded PostgreSQL with it, as a machine crash would) and to stop and start
 * that PostgreSQL under it.
 */
final class PlatformProcess {

    static final String TOKEN = "process-admin-token-0123456789";

    private final Path dataDir;
    private final int port;
    private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
    private boolean viaLauncher;
    private Process process;
    private Process restartedPostgres;

    PlatformProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** A test's body, given its platform (not yet started). */
    interface Body {
        void run(PlatformProcess platform) throws Exception;
    }

    /**
     * Runs {@code body} with a platform on a new data directory, set up by {@code setup}: a failure carries the tail
     * of the platform's log, and the platform is killed and its directory deleted whatever happened.
     */
    static void test(String name, UnaryOperator<PlatformProcess> setup, Body body) throws Exception {
        Path dataDir = Files.createTempDirectory("placemat-" + name + "-");
        PlatformProcess platform = setup.apply(new PlatformProcess(dataDir));
        try {
            body.run(platform);
        } catch (AssertionError | RuntimeException e) {
            throw platform.failure(e);
        } finally {
            platform.kill();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    Path dataDir() {
        return dataDir;
    }

    /** An environment variable for the platform's next start. */
    PlatformProcess with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts through the repository's {@code ./placemat} launcher (its class archive in the data directory). */
    PlatformProcess viaLauncher() {
        viaLauncher = true;
        return this;
    }

    int port() {
        return port;
    }

    /** The running process's command line (the JVM's, once the launcher has handed over to it). */
    String commandLine() {
        return process.toHandle().info().commandLine().orElse("");
    }

    Api api() {
        return Api.withToken(port, TOKEN);
    }

    Api anonymous() {
        return Api.withToken(port, null);
    }

    void start() throws IOException {
        launch();
        awaitHealthy();
    }

    /** Starts the process without waiting for it (several nodes start side by side). */
    void launch() throws IOException {
        Path jar = Path.of("target", "placemat-workflows.jar").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = (viaLauncher
                ? new ProcessBuilder("bash", Path.of("..", "placemat").toAbsolutePath().toString())
                : new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("platform.log").toFile()));
        builder.environment().put("WORKFLOWS_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("WORKFLOWS_ADMIN_TOKEN", TOKEN);
        builder.environment().put("PLACEMAT_JAR", jar.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the platform answers health UP (it exits or takes two minutes: the test fails). */
    void awaitHealthy() {
        awaitHealthy(Duration.ofSeconds(120));
    }

    /** Waits until the platform answers health UP (it exits or takes longer than {@code within}: the test fails). */
    void awaitHealthy(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the platform exited: " + log());
                    }
                    return anonymous().get("/actuator/health").status() == 200;
                });
    }

    /** SIGTERM, as a service manager stops it; true when the process has exited within {@code within}. */
    boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** SIGTERM: the platform shuts down as an operator stops it, and its database with it. */
    void stop() throws Exception {
        long postgres = postmasterPid();
        if (!stop(Duration.ofSeconds(60))) {
            throw new AssertionError("the platform did not stop within 60 s: " + log());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(postgres).isEmpty());
    }

    /** SIGKILL for the platform and its embedded database (if it has one): nothing gets to shut down cleanly. */
    void crash() throws Exception {
        if (!Files.exists(pgData().resolve("postmaster.pid"))) {
            process.destroyForcibly().waitFor();
            return;
        }
        long postgres = postmasterPid();
        process.destroyForcibly().waitFor();
        ProcessHandle.of(postgres).ifPresent(ProcessHandle::destroyForcibly);
        if (restartedPostgres != null) {
            restartedPostgres.destroyForcibly().waitFor();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(postgres).isEmpty());
    }

    /** The platform's process id (to pause it with SIGSTOP, as a long GC pause or a frozen VM would). */
    long pid() {
        return process.pid();
    }

    /** SIGKILL for the platform's JVM alone, as the OOM killer does: its database and that one's watchdog live on. */
    void killPlatformOnly() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * SIGKILL for the platform's JVM and the processes it started (the database's watchdog): the database lives on
     * with nothing left to stop it, as after a kill of the whole process group but the detached postmaster.
     */
    void killPlatformAndWatchdog() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly().waitFor();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Stops the embedded PostgreSQL under the running platform: SIGINT to the postmaster is PostgreSQL's fast
     * shutdown, dropping every connection (pg_ctl refuses to run as root, which CI is).
     */
    void stopDatabase() throws Exception {
        long pid = postmasterPid();
        run("kill", "-INT", String.valueOf(pid));
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(pid).isEmpty());
    }

    /**
     * Starts it again with the command line it had (postmaster.opts); as root, in a user namespace as the embedded
     * library does (PostgreSQL refuses to run as root).
     */
    void startDatabase() throws Exception {
        String opts = Files.readString(pgData().resolve("postmaster.opts")).trim();
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (m.find()) {
            command.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        restartedPostgres = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile())).start();
    }

    String log() throws IOException {
        Path log = dataDir.resolve("platform.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The last 6,000 characters of the platform's log, for a failure's message. */
    String logTail() {
        try {
            String log = log();
            return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * A test's failure with the tail of the platform's log, and what failed once more after it (CI keeps the end of
     * its output).
     */
    AssertionError failure(Throwable e) {
        return new AssertionError(e.getMessage() + "\n--- platform log (tail) ---\n" + logTail()
                + "\n--- what failed ---\n" + e.getMessage(), e);
    }

    private Path pgData() {
        return dataDir.resolve("postgres");
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(postmasterLine(0));
    }

    /** The port the embedded PostgreSQL listens on (loopback). */
    int databasePort() throws IOException {
        return Integer.parseInt(postmasterLine(3));
    }

    private String postmasterLine(int index) throws IOException {
        return Files.readAllLines(pgData().resolve("postmaster.pid")).get(index).trim();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** Stops the app and its PostgreSQL (and the processes PostgreSQL started), waiting until they are gone. */
    void kill() {
        List<ProcessHandle> doomed = new ArrayList<>();
        if (process != null) {
            doomed.add(process.toHandle());
        }
        if (restartedPostgres != null) {
            doomed.add(restartedPostgres.toHandle());
        }
        try {
            ProcessHandle.of(postmasterPid()).ifPresent(doomed::add);
        } catch (IOException | RuntimeException ignored) {
            // no PostgreSQL left to stop
        }
        List<ProcessHandle> all = new ArrayList<>(doomed);
        doomed.forEach(p -> p.descendants().forEach(all::add));
        all.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(20)).until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
    }
}
