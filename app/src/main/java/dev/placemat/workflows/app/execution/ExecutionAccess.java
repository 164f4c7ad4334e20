package dev.placemat.workflows.app.execution;

import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.workflow.WorkflowAccess;
import dev.placemat.workflows.app.workflow.WorkflowRepository;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who may act on an execution (cancel, resume, re-run): whoever may change its workflow. */
@Component
@RequiredArgsConstructor
public class ExecutionAccess {

    private final JdbcClient jdbc;
    private final WorkflowRepository workflows;
    private final WorkflowAccess access;

    /** Refuses (403) when the current user may not act on the execution; 404 when there is none. */
    public void checkManage(UUID executionId) {
        UUID workflowId = jdbc.sql("SELECT workflow_id FROM workflow_executions WHERE id = :id")
                .param("id", executionId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("There is no execution " + executionId + "."));
        access.checkChange(workflows.find(workflowId)
                .orElseThrow(() -> new NotFoundException("There is no execution " + executionId + ".")));
    }

    /** Whether the current user may act on the workflow's executions (and so see how its webhook is reached). */
    public boolean mayManageWorkflow(UUID workflowId) {
        return workflows.find(workflowId).map(access::mayChange).orElse(false);
    }

    /** Refuses (403) when the current user may not run the workflow (bulk re-runs). */
    public void checkManageWorkflow(UUID workflowId) {
        access.checkChange(workflows.find(workflowId)
                .orElseThrow(() -> new NotFoundException("There is no workflow " + workflowId + ".")));
    }
}
