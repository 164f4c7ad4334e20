package dev.placemat.workflows.app.e2e;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The monitor and admin screens in a real browser against the packaged app (see {@link BrowserScript}), started as a
 * user with only {@code WORKFLOWS_ADMIN_TOKEN} would start it (so the admin has no password and signs in with the
 * token): {@code monitor.e2e.mjs}; the durable engine's views: a wait on the canvas, cancel, run again from a step
 * ({@code engine-monitor.e2e.mjs}); and the editor's test runs against the engine: one step with pinned outputs, run
 * up to a step ({@code engine-editor.e2e.mjs}).
 */
class MonitorBrowserIT {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(180);

    @Test
    void anAdminSignsInWithTheTokenAndUsesTheMonitorAndAdminScreens() throws Exception {
        BrowserScript.run("monitor.e2e.mjs", "monitor", BrowserScript.SignIn.TOKEN, SCRIPT_TIMEOUT);
    }

    @Test
    void aUserWatchesAWaitOnTheCanvasAndRunsAgainFromAStep() throws Exception {
        BrowserScript.run("engine-monitor.e2e.mjs", "engine-monitor", BrowserScript.SignIn.TOKEN, SCRIPT_TIMEOUT);
    }

    @Test
    void aUserTestsOneStepWithPinnedOutputsAndRunsUpToAStep() throws Exception {
        BrowserScript.run("engine-editor.e2e.mjs", "engine-editor", BrowserScript.SignIn.TOKEN, SCRIPT_TIMEOUT);
    }
}
