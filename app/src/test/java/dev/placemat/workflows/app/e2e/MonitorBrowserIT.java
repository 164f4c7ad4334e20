package dev.placemat.workflows.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The monitor and admin screens in a real browser against the packaged app, started as a user with only
 * {@code WORKFLOWS_ADMIN_TOKEN} would start it (so the admin has no password and signs in with the token):
 * {@code designer-ui/e2e/monitor.e2e.mjs}, and the durable engine's views: a wait on the canvas, cancel, run again
 * from a step ({@code engine-monitor.e2e.mjs}). Screenshots go to {@code target/e2e-screenshots}.
 */
class MonitorBrowserIT {

    private static final Path DESIGNER = Path.of("..", "designer-ui").toAbsolutePath().normalize();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(180);
    private static final String ADMIN_TOKEN = "e2e-admin-token-" + Long.toHexString(System.nanoTime());

    @Test
    void anAdminSignsInWithTheTokenAndUsesTheMonitorAndAdminScreens() throws Exception {
        run("monitor.e2e.mjs", "monitor");
    }

    @Test
    void aUserWatchesAWaitOnTheCanvasAndRunsAgainFromAStep() throws Exception {
        run("engine-monitor.e2e.mjs", "engine-monitor");
    }

    private void run(String script, String name) throws Exception {
        assumeFalse(Boolean.getBoolean("placemat.skipUi"), "-DskipUi: the jar carries no designer");
        Path chromium = Path.of(System.getProperty("placemat.chromium", "/usr/bin/chromium"));
        assertThat(chromium).as("Chromium (apt-get install chromium; .ci/run does)").isExecutable();
        assertThat(DESIGNER.resolve("node_modules/playwright-core")).as("npm ci in designer-ui").isDirectory();
        Path target = Path.of("target").toAbsolutePath();
        Path screenshots = target.resolve("e2e-screenshots");
        Files.createDirectories(screenshots);
        try (PackagedApp app = PackagedApp.start(target.resolve("placemat-workflows.jar"),
                target.resolve("e2e-" + name + "-app.log"), Map.of("WORKFLOWS_ADMIN_TOKEN", ADMIN_TOKEN))) {
            app.awaitReady(Duration.ofSeconds(90));
            Path output = target.resolve("e2e-" + name + "-browser.log");
            ProcessBuilder node = new ProcessBuilder(List.of("node", "e2e/" + script))
                    .directory(DESIGNER.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            node.environment().put("BASE_URL", app.baseUrl());
            node.environment().put("ADMIN_TOKEN", ADMIN_TOKEN);
            node.environment().put("SCREENSHOT_DIR", screenshots.toString());
            node.environment().put("CHROMIUM", chromium.toString());
            Process process = node.start();
            boolean ended = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String log = Files.exists(output) ? Files.readString(output) : "";
            assertThat(ended).as("the browser test ended within %s:\n%s", SCRIPT_TIMEOUT, log).isTrue();
            assertThat(process.exitValue()).as("browser test output:\n%s\napp log:\n%s", log, app.tail()).isZero();
            assertThat(log).contains("[e2e] E2E OK");
        }
    }
}
