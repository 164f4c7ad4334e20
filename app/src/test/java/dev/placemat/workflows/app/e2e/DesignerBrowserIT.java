package dev.placemat.workflows.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The designer in a real browser against the packaged app: {@code designer-ui/e2e/designer.e2e.mjs} (build, test,
 * deploy and monitor a workflow) and {@code editor.e2e.mjs} (the editor's second round: an If / Then from the form,
 * run from the editor, autocomplete, versions, export and import) drive Debian's Chromium with playwright-core. Each
 * starts the jar as its own process (not the shared Spring test context, which would not be the jar that ships), so
 * this test does not extend IntegrationTest. Screenshots go to {@code target/e2e-screenshots}, the app's log to
 * {@code target/e2e-<name>-app.log}.
 */
class DesignerBrowserIT {

    private static final Path DESIGNER = Path.of("..", "designer-ui").toAbsolutePath().normalize();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void aUserBuildsTestsDeploysAndMonitorsAWorkflowInTheDesigner() throws Exception {
        run("designer.e2e.mjs", "designer");
    }

    @Test
    void aUserBuildsRunsVersionsAndMovesAWorkflowInTheEditor() throws Exception {
        run("editor.e2e.mjs", "editor");
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
                target.resolve("e2e-" + name + "-app.log"))) {
            app.awaitReady(Duration.ofSeconds(90));
            Path output = target.resolve("e2e-" + name + "-browser.log");
            ProcessBuilder node = new ProcessBuilder(List.of("node", "e2e/" + script))
                    .directory(DESIGNER.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            node.environment().put("BASE_URL", app.baseUrl());
            node.environment().put("ADMIN_PASSWORD", app.adminPassword());
            node.environment().put("SCREENSHOT_DIR", screenshots.toString());
            node.environment().put("CHROMIUM", chromium.toString());
            Process process = node.start();
            boolean ended = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String log = read(output);
            assertThat(ended).as("the browser test ended within %s:\n%s", SCRIPT_TIMEOUT, log).isTrue();
            assertThat(process.exitValue()).as("browser test output:\n%s\napp log:\n%s", log, app.tail()).isZero();
            assertThat(log).contains("[e2e] E2E OK");
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
