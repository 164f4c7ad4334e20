package dev.placemat.workflows.app.recovery;

import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.workflow.WorkflowRepository;
import dev.placemat.workflows.app.workflow.WorkflowRow;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Stored versions of a workflow to run an execution on again (a resume, a re-run): the deployed routes when that
 * version is deployed, else its stored definition, validated again and compiled for the run.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class VersionLeases {

    private final RouteDeployer deployer;
    private final WorkflowRepository workflows;
    private final DefinitionValidator validator;

    /**
     * A lease on a version, to release when its run ends.
     *
     * @throws IllegalStateException when the version is not stored
     */
    Deployment lease(UUID workflowId, int version) {
        return deployer.leaseVersion(workflowId, version, () -> validator.validate(workflows.definition(workflowId,
                version).orElseThrow(() -> new IllegalStateException("version " + version
                        + " of its workflow is not stored"))));
    }

    /**
     * The workflow's deployed version, else its latest.
     *
     * @throws NotFoundException when the workflow was deleted
     */
    int current(UUID workflowId) {
        WorkflowRow workflow = workflows.find(workflowId)
                .orElseThrow(() -> new NotFoundException("The execution's workflow was deleted."));
        return workflow.deployedVersion() != null ? workflow.deployedVersion() : workflow.version();
    }
}
