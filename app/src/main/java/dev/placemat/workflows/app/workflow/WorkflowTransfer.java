package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.identity.CurrentUser;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.validation.DefinitionValidator;
import dev.placemat.workflows.validation.FieldError;
import dev.placemat.workflows.validation.InvalidDefinitionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflows to and from JSON files. An export holds definitions without what belongs to one installation (the
 * webhook's id and its secret); an import validates every definition before it creates any, lets the platform choose
 * new webhook ids, and names the connections the workflows use that do not exist here.
 */
@Service
@RequiredArgsConstructor
public class WorkflowTransfer {

    static final String FORMAT = "placemat-workflows";
    static final int MAX_IMPORT = 100;

    /** One definition of an import, and where it stands in the request body ({@code workflows[2]}). */
    private record Entry(String path, JsonNode definition) {}

    private final WorkflowService service;
    private final WorkflowDocuments documents;
    private final DefinitionValidator validator;
    private final MissingConnections missingConnections;
    private final CurrentUser currentUser;

    public ObjectNode export(UUID id) {
        return document(List.of(service.get(id).definition()));
    }

    /** Every workflow: every signed-in user may read them all. */
    public ObjectNode exportAll() {
        return document(documents.allCurrent());
    }

    private static ObjectNode document(List<ObjectNode> definitions) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("format", FORMAT);
        document.put("format_version", 1);
        document.put("exported_at", Instant.now().toString());
        ArrayNode list = document.putArray("workflows");
        definitions.forEach(definition -> list.add(portable(definition)));
        return document;
    }

    /** A copy without the webhook's id and secret, and without the sharing flag. */
    static ObjectNode portable(JsonNode definition) {
        ObjectNode copy = WebhookSecrets.redact((ObjectNode) definition);
        if (copy.path("trigger").path("config") instanceof ObjectNode config) {
            config.remove("webhook_id");
        }
        copy.remove("shared");
        return copy;
    }

    /**
     * Creates every workflow of an export file, a list of definitions or one definition, or none when any is
     * invalid (422, with paths into the request body).
     */
    @Transactional
    public ImportResult importAll(JsonNode body) {
        List<Entry> entries = entries(body);
        List<FieldError> errors = new ArrayList<>();
        List<WorkflowDefinition> parsed = new ArrayList<>();
        for (Entry entry : entries) {
            try {
                if (!entry.definition().isObject()) {
                    throw new InvalidDefinitionException(List.of(new FieldError("$", "type",
                            "a workflow definition must be a JSON object")));
                }
                parsed.add(validator.validate(WebhookIds.assign(portable(entry.definition()), null)));
            } catch (InvalidDefinitionException e) {
                e.errors().forEach(error -> errors.add(under(entry.path(), error)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidDefinitionException(errors);
        }
        List<ImportResult.MissingConnection> missing = missingConnections.of(parsed);
        List<ImportResult.Created> created = new ArrayList<>();
        for (Entry entry : entries) {
            WorkflowRow row = service.create(portable(entry.definition()), currentUser.id());
            created.add(new ImportResult.Created(row.id(), row.name(), row.version()));
        }
        return new ImportResult(missing, created);
    }

    private static List<Entry> entries(JsonNode body) {
        List<Entry> entries = new ArrayList<>();
        if (body instanceof ObjectNode object && object.get("workflows") instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                entries.add(new Entry("workflows[" + i + "]", list.get(i)));
            }
        } else if (body instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                entries.add(new Entry("[" + i + "]", list.get(i)));
            }
        } else if (body instanceof ObjectNode object) {
            entries.add(new Entry("", object));
        } else {
            throw invalid("$", "type", "send an export file ({\"workflows\": [...]}), a list of definitions or one "
                    + "definition");
        }
        if (entries.isEmpty()) {
            throw invalid("workflows", "required", "the file holds no workflow");
        }
        if (entries.size() > MAX_IMPORT) {
            throw invalid("workflows", "too_many", "at most " + MAX_IMPORT + " workflows are imported at once; "
                    + "split the file");
        }
        return entries;
    }

    private static InvalidDefinitionException invalid(String path, String code, String message) {
        return new InvalidDefinitionException(List.of(new FieldError(path, code, message)));
    }

    private static FieldError under(String prefix, FieldError error) {
        if (prefix.isEmpty()) {
            return error;
        }
        String path = error.path().equals("$") ? prefix : prefix + "." + error.path();
        return new FieldError(path, error.code(), error.message());
    }
}
