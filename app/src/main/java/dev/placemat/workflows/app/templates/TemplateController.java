package dev.placemat.workflows.app.templates;

import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.identity.CurrentUser;
import dev.placemat.workflows.app.workflow.WorkflowService;
import dev.placemat.workflows.app.workflow.WorkflowView;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/templates}: the gallery, and new workflows made from a template (not deployed). */
@RestController
@RequestMapping("/api/templates")
@RequiredArgsConstructor
public class TemplateController {

    private final TemplateRepository templates;
    private final WorkflowService workflows;
    private final CurrentUser currentUser;

    @GetMapping
    public List<Template> list() {
        return templates.list();
    }

    @PostMapping("/{id}/instantiate")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public WorkflowView instantiate(@PathVariable UUID id) {
        var definition = templates.use(id).orElseThrow(() -> new NotFoundException("There is no template " + id + "."));
        return WorkflowView.of(workflows.create(definition, currentUser.id()));
    }
}
