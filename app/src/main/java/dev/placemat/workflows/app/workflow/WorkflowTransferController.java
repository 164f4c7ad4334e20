package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Export workflows to a JSON file (one, or all the caller may read) and import such a file. */
@RestController
@RequestMapping("/api/workflows")
@RequiredArgsConstructor
public class WorkflowTransferController {

    private final WorkflowTransfer transfer;

    @GetMapping("/{id}/export")
    public ResponseEntity<ObjectNode> export(@PathVariable UUID id) {
        ObjectNode document = transfer.export(id);
        return attachment(document, fileName(document.path("workflows").path(0).path("name").asText()));
    }

    @GetMapping("/export")
    public ResponseEntity<ObjectNode> exportAll() {
        return attachment(transfer.exportAll(), "workflows.json");
    }

    /** An export file, a list of definitions or one definition; 201 with what was created and what is missing. */
    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    public ImportResult importAll(@RequestBody JsonNode body) {
        return transfer.importAll(body);
    }

    private static ResponseEntity<ObjectNode> attachment(ObjectNode document, String name) {
        String disposition = ContentDisposition.attachment().filename(name).build().toString();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition).body(document);
    }

    /** {@code Budget alert} -> {@code budget-alert.workflow.json}. */
    static String fileName(String workflowName) {
        String slug = workflowName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (slug.isEmpty() ? "workflow" : slug) + ".workflow.json";
    }
}
