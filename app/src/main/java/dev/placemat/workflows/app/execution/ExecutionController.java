package dev.placemat.workflows.app.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.errors.InvalidValueException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.errors.UnsuitableValueException;
import dev.placemat.workflows.app.identity.CurrentUser;
import dev.placemat.workflows.app.recovery.ExecutionResumer;
import dev.placemat.workflows.app.recovery.Reruns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Executions and their steps, as the design's {@code getExecutionDetails}. */
@RestController
@RequestMapping("/api/executions")
@RequiredArgsConstructor
public class ExecutionController {

    /** An execution and its status after the request ({@code cancelled}, or {@code running} again). */
    public record StatusChange(UUID executionId, String status) {}

    /** The new execution a rerun started, and the execution it runs again. */
    public record RerunStarted(UUID executionId, String status, UUID rerunOf) {}

    /** The executions a bulk rerun started, oldest first. */
    public record RerunsStarted(List<UUID> executionIds) {}

    static final int MAX_LIMIT = 500;
    static final int MAX_BULK_RERUN = 1000;
    private static final Set<String> STATUSES = Set.of("pending", "running", "waiting", "completed", "failed",
            "cancelled", "interrupted");

    private final ExecutionRepository executions;
    private final ExecutionCancels cancels;
    private final ExecutionResumer resumer;
    private final Reruns reruns;
    private final ExecutionAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    /**
     * Cancels an execution, on whichever node runs it: the step running is given up, no further step starts, and it
     * ends as {@code cancelled}.
     */
    @PostMapping("/{id}/cancel")
    public StatusChange cancel(@PathVariable UUID id) {
        access.checkManage(id);
        String status = cancels.cancel(id, currentUser.name());
        audit.record("execution.cancel", "execution", id);
        return new StatusChange(id, status);
    }

    /** Resumes an interrupted execution: {@code {"step": "<key>", "mode": "retry" | "skip"}}. */
    @PostMapping("/{id}/resume")
    public ResponseEntity<StatusChange> resume(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        access.checkManage(id);
        String step = text(body, "step", true);
        String mode = text(body, "mode", true);
        resumer.resumeInterrupted(id, step, mode, currentUser.name());
        audit.record("execution.resume", "execution", id, Map.of("step", step, "mode", mode));
        return ResponseEntity.accepted().body(new StatusChange(id, "running"));
    }

    /**
     * Runs an execution again as a new one: {@code {"from_step": "<key>" | null, "version": "original" | "current"}}.
     */
    @PostMapping("/{id}/rerun")
    public ResponseEntity<RerunStarted> rerun(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        access.checkManage(id);
        UUID started = reruns.rerun(id, text(body, "from_step", false), text(body, "version", false));
        audit.record("execution.rerun", "execution", started, Map.of("rerun_of", id));
        return ResponseEntity.accepted().body(new RerunStarted(started, "running", id));
    }

    /**
     * Re-runs every execution of a workflow with a status (default failed) that started in a time range, from the
     * start, oldest first; at most {@code limit} (default and most {@value #MAX_BULK_RERUN}).
     */
    @PostMapping("/rerun")
    public ResponseEntity<RerunsStarted> rerunAll(@RequestBody(required = false) JsonNode body) {
        UUID workflowId = uuid(text(body, "workflow_id", true), "workflow_id");
        access.checkManageWorkflow(workflowId);
        String status = Optional.ofNullable(text(body, "status", false)).orElse("failed");
        if (!STATUSES.contains(status)) {
            throw new InvalidValueException("status", "status must be one of " + String.join(", ", STATUSES));
        }
        Instant from = instant(text(body, "from", true), "from");
        Instant to = instant(text(body, "to", true), "to");
        JsonNode limit = body.path("limit");
        if (!limit.isMissingNode() && !(limit.canConvertToInt() && limit.isIntegralNumber() && limit.asInt() >= 1
                && limit.asInt() <= MAX_BULK_RERUN)) {
            throw new UnsuitableValueException("limit", "limit must be a whole number from 1 to " + MAX_BULK_RERUN);
        }
        List<UUID> started = reruns.rerunAll(workflowId, status, from, to, text(body, "version", false),
                limit.asInt(MAX_BULK_RERUN));
        audit.record("execution.rerun_all", "workflow", workflowId, Map.of("status", status, "from", from.toString(),
                "to", to.toString(), "count", started.size()));
        return ResponseEntity.accepted().body(new RerunsStarted(started));
    }

    @GetMapping
    public ExecutionPage list(
            @RequestParam(name = "workflow_id", required = false) UUID workflowId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "false") boolean test,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidValueException("status", "status must be one of " + String.join(", ", STATUSES));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidValueException("offset", "offset must not be negative");
        }
        return executions.list(workflowId, status, from, to, test, limit, offset);
    }

    @GetMapping("/{id}")
    public ExecutionDetail get(@PathVariable UUID id) {
        ExecutionDetail detail = executions.detail(id)
                .orElseThrow(() -> new NotFoundException("There is no execution " + id + "."));
        ExecutionSummary summary = detail.summary();
        if (!access.mayManageWorkflow(summary.item().workflowId())) {
            // a webhook's id is its URL: readers who may not run the workflow do not learn it
            for (JsonNode data : new JsonNode[] {summary.triggerData(), summary.executionData()}) {
                if (data instanceof ObjectNode && data.get("trigger") instanceof ObjectNode trigger
                        && trigger.has("webhook_id")) {
                    trigger.put("webhook_id", "********");
                }
            }
        }
        return detail;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new UnsuitableValueException(field, field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new UnsuitableValueException(field, field + " must be a string");
        }
        return value.asText();
    }

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new UnsuitableValueException(field, field + " must be a workflow id");
        }
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UnsuitableValueException(field, field + " must be an ISO-8601 time such as 2026-12-01T00:00:00Z");
        }
    }
}
