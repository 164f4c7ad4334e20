package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.errors.NotFoundException;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workflow's history: its saved versions, the definition of each, and restoring one as a new version. Who may read
 * and change them is who may read and change the workflow (viewers read; deploying a chosen version is
 * {@code POST /api/workflows/{id}/deploy} with {@code {"version": n}}).
 */
@RestController
@RequestMapping("/api/workflows/{id}/versions")
@RequiredArgsConstructor
public class WorkflowVersionController {

    private final WorkflowService service;
    private final WorkflowRepository workflows;
    private final VersionRepository versions;
    private final WorkflowAccess access;

    @GetMapping
    public List<VersionInfo> list(@PathVariable UUID id) {
        service.get(id);
        return versions.list(id);
    }

    /**
     * The definition as it was saved in that version, without its webhook secret, and without its webhook id for
     * readers who may not run the workflow.
     */
    @GetMapping("/{version}")
    public ObjectNode definition(@PathVariable UUID id, @PathVariable int version) {
        WorkflowRow row = service.get(id);
        return WorkflowView.definition(saved(row, version), access.mayChange(row));
    }

    /** Saves the definition of an earlier version as a new version (the webhook keeps its current secret). */
    @PostMapping("/{version}/restore")
    public WorkflowView restore(@PathVariable UUID id, @PathVariable int version) {
        return WorkflowView.of(service.update(id, WebhookSecrets.redact(saved(service.get(id), version))));
    }

    private ObjectNode saved(WorkflowRow row, int version) {
        return workflows.definition(row.id(), version).orElseThrow(() ->
                new NotFoundException("The workflow '" + row.name() + "' has no version " + version + "."));
    }
}
