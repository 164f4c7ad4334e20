package dev.placemat.workflows.app.e2e;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The designer in a real browser against the packaged app (see {@link BrowserScript}): {@code designer.e2e.mjs}
 * (build, test, deploy and monitor a workflow) and {@code editor.e2e.mjs} (an If / Then from the form, run from the
 * editor, autocomplete, versions, export and import).
 */
class DesignerBrowserIT {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void aUserBuildsTestsDeploysAndMonitorsAWorkflowInTheDesigner() throws Exception {
        BrowserScript.run("designer.e2e.mjs", "designer", BrowserScript.SignIn.PASSWORD, SCRIPT_TIMEOUT);
    }

    @Test
    void aUserBuildsRunsVersionsAndMovesAWorkflowInTheEditor() throws Exception {
        BrowserScript.run("editor.e2e.mjs", "editor", BrowserScript.SignIn.PASSWORD, SCRIPT_TIMEOUT);
    }
}
