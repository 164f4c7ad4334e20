package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.engine.Launch;
import dev.placemat.workflows.app.identity.CurrentUser;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The design's workflow API: store, change, deploy, run and test workflows. */
@RestController
@RequestMapping("/api/workflows")
@RequiredArgsConstructor
public class WorkflowController {

    private final WorkflowService service;
    private final WorkflowRepository workflows;
    private final TestRunner tests;
    private final CurrentUser currentUser;
    private final WorkflowAccess access;
    private final NodeDeployments loaded;
    private final ManualRuns runs;

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public WorkflowView create(@RequestBody JsonNode definition) {
        return WorkflowView.of(service.create(definition, currentUser.id()));
    }

    @GetMapping
    public List<WorkflowSummary> list() {
        return workflows.list().stream().map(WorkflowSummary::of).toList();
    }

    @GetMapping("/{id}")
    public WorkflowView get(@PathVariable UUID id) {
        return withLoadedOn(service.get(id));
    }

    @PutMapping("/{id}")
    public WorkflowView update(@PathVariable UUID id, @RequestBody JsonNode definition) {
        return WorkflowView.of(service.update(id, definition));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Deploys the current version, or the saved version the optional body names: {@code {"version": 3}}. */
    @PostMapping("/{id}/deploy")
    public WorkflowView deploy(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        return withLoadedOn(service.deploy(id, VersionNumbers.of(body)));
    }

    /** The workflow, with {@code loaded_on}: per version, on how many live nodes (and which) it is loaded. */
    private WorkflowView withLoadedOn(WorkflowRow row) {
        return WorkflowView.of(row, access.mayChange(row), loaded.loadedOn(row.id()));
    }

    @PostMapping("/{id}/undeploy")
    public WorkflowView undeploy(@PathVariable UUID id) {
        return WorkflowView.of(service.undeploy(id));
    }

    @PostMapping("/{id}/execute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ExecutionStarted execute(@PathVariable UUID id, @RequestBody(required = false) JsonNode triggerData) {
        Launch launch = runs.run(id, triggerData, currentUser.name());
        return new ExecutionStarted(launch.executionId(), "pending");
    }

    /** The design's test call: runs an unsaved definition and returns every step's input and output. */
    @PostMapping("/test")
    public TestResult test(@RequestBody JsonNode body) {
        return tests.run(body);
    }
}
