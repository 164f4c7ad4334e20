package dev.placemat.workflows.app.execution;

import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.engine.ExecutionLauncher;
import dev.placemat.workflows.app.errors.BadRequestException;
import dev.placemat.workflows.app.errors.ConflictException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.identity.CurrentUser;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Executions and their steps, as the design's {@code getExecutionDetails}. */
@RestController
@RequestMapping("/api/executions")
public class ExecutionController {

    static final int MAX_LIMIT = 500;
    private static final Set<String> STATUSES = Set.of("pending", "running", "completed", "failed", "cancelled");

    private final ExecutionRepository executions;
    private final ExecutionLauncher launcher;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    public ExecutionController(ExecutionRepository executions, ExecutionLauncher launcher, CurrentUser currentUser,
            AuditLog audit) {
        this.executions = executions;
        this.launcher = launcher;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Cancels a running execution: no further step of it starts, and it ends as {@code cancelled}. */
    @PostMapping("/{id}/cancel")
    public Map<String, Object> cancel(@PathVariable UUID id) {
        get(id);
        if (!launcher.cancel(id, currentUser.name())) {
            throw new ConflictException("The execution " + id + " is not running on this node; it may have ended.");
        }
        audit.record("execution.cancel", "execution", id);
        return Map.of("execution_id", id, "status", "cancelled");
    }

    @GetMapping
    public ExecutionRepository.Page list(
            @RequestParam(name = "workflow_id", required = false) UUID workflowId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequestException("status", "status must be one of " + String.join(", ", STATUSES));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new BadRequestException("offset", "offset must not be negative");
        }
        return executions.list(workflowId, status, from, to, limit, offset);
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable UUID id) {
        return executions.detail(id).orElseThrow(() -> new NotFoundException("There is no execution " + id + "."));
    }
}
