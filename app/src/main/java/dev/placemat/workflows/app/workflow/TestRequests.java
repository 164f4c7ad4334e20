package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.errors.UnsuitableValueException;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What a test run ({@code POST /api/workflows/test}) asks for: the definition, validated, its test data, the stored
 * workflow it belongs to (which the caller must be allowed to change), pinned step outputs and the step to stop
 * after.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TestRequests {

    /** A test request, read and checked. */
    record Request(WorkflowDefinition definition, ObjectNode triggerData, WorkflowRow workflow,
            Map<String, JsonNode> pinned, String stopAfter) {}

    private final DefinitionValidator validator;
    private final WorkflowRepository workflows;
    private final WorkflowAccess access;
    private final WorkflowConnections connections;

    /** Reads and checks a test request (422 for what cannot be run, 404 and 403 for the workflow it names). */
    Request read(JsonNode body) {
        JsonNode workflow = body == null ? null : body.get("workflow");
        JsonNode testData = body == null ? null : body.has("testData") ? body.get("testData") : body.get("test_data");
        WorkflowDefinition definition = validator.validate(WebhookIds.assign(workflow, null));
        WorkflowRow stored = workflow(body);
        connections.checkSave(definition, stored == null ? null : stored.createdBy());
        ObjectNode triggerData = testData instanceof ObjectNode data ? data.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (!triggerData.has("trigger")) {
            triggerData.putObject("trigger").put("type", definition.trigger().type()).put("test", true);
        }
        Map<String, JsonNode> pinned = new LinkedHashMap<>();
        JsonNode pins = body.path("pinned");
        if (!pins.isMissingNode() && !pins.isNull() && !pins.isObject()) {
            throw new UnsuitableValueException("pinned", "pinned must be an object of step keys to outputs");
        }
        pins.fields().forEachRemaining(pin -> {
            if (definition.step(pin.getKey()).isEmpty()) {
                throw new UnsuitableValueException("pinned." + pin.getKey(), "there is no step " + pin.getKey()
                        + " to pin an output for");
            }
            pinned.put(pin.getKey(), pin.getValue());
        });
        String stopAfter = body.path("stop_after").isTextual() ? body.path("stop_after").asText() : null;
        if (stopAfter != null && definition.step(stopAfter).isEmpty()) {
            throw new UnsuitableValueException("stop_after", "there is no step " + stopAfter + " to stop after");
        }
        return new Request(definition, triggerData, stored, pinned, stopAfter);
    }

    /** The stored workflow the test belongs to, when the request names one the caller may run. */
    private WorkflowRow workflow(JsonNode body) {
        JsonNode id = body.path("workflow_id");
        if (id.isMissingNode() || id.isNull()) {
            return null;
        }
        UUID workflowId;
        try {
            workflowId = UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            throw new UnsuitableValueException("workflow_id", "workflow_id must be a workflow's id");
        }
        WorkflowRow row = workflows.find(workflowId)
                .orElseThrow(() -> new NotFoundException("There is no workflow " + workflowId + "."));
        access.checkChange(row);
        return row;
    }
}
