package dev.placemat.workflows.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of {@code designer-ui/e2e/*.e2e.mjs} in Debian's Chromium (playwright-core) against the packaged jar,
 * started as its own process for the script (not the shared Spring test context, which would not be the jar that
 * ships). The admin signs in with a password the first start prints, or, with {@link SignIn#TOKEN}, with
 * {@code WORKFLOWS_ADMIN_TOKEN} only. Screenshots go to {@code target/e2e-screenshots}, the app's and the browser's
 * logs to {@code target/e2e-<name>-{app,browser}.log}.
 */
final class BrowserScript {

    enum SignIn { PASSWORD, TOKEN }

    private static final Path DESIGNER = Path.of("..", "designer-ui").toAbsolutePath().normalize();

    private BrowserScript() {}

    static void run(String script, String name, SignIn signIn, Duration timeout) throws Exception {
        assumeFalse(Boolean.getBoolean("placemat.skipUi"), "-DskipUi: the jar carries no designer");
        Path chromium = Path.of(System.getProperty("placemat.chromium", "/usr/bin/chromium"));
        assertThat(chromium).as("Chromium (apt-get install chromium; .ci/run does)").isExecutable();
        assertThat(DESIGNER.resolve("node_modules/playwright-core")).as("npm ci in designer-ui").isDirectory();
        Path target = Path.of("target").toAbsolutePath();
        Path screenshots = target.resolve("e2e-screenshots");
        Files.createDirectories(screenshots);
        String token = "e2e-admin-token-" + Long.toHexString(System.nanoTime());
        Map<String, String> env = signIn == SignIn.TOKEN ? Map.of("WORKFLOWS_ADMIN_TOKEN", token) : Map.of();

        try (PackagedApp app = PackagedApp.start(target.resolve("placemat-workflows.jar"),
                target.resolve("e2e-" + name + "-app.log"), env)) {
            app.awaitReady(Duration.ofSeconds(90));
            Path output = target.resolve("e2e-" + name + "-browser.log");
            ProcessBuilder node = new ProcessBuilder(List.of("node", "e2e/" + script))
                    .directory(DESIGNER.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            node.environment().put("BASE_URL", app.baseUrl());
            if (signIn == SignIn.TOKEN) {
                node.environment().put("ADMIN_TOKEN", token);
            } else {
                node.environment().put("ADMIN_PASSWORD", app.adminPassword());
            }
            node.environment().put("SCREENSHOT_DIR", screenshots.toString());
            node.environment().put("CHROMIUM", chromium.toString());
            Process process = node.start();
            boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String log = Files.exists(output) ? Files.readString(output) : "";
            assertThat(ended).as("the browser test ended within %s:\n%s", timeout, log).isTrue();
            assertThat(process.exitValue()).as("browser test output:\n%s\napp log:\n%s", log, app.tail()).isZero();
            assertThat(log).contains("[e2e] E2E OK");
        }
    }
}
