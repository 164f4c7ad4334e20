package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.validation.ConfigSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The connections imported workflows use that do not exist here: those their steps name, or, when a step names
 * none, the one its action uses by default (its config schema says which). Named by a template, a connection is
 * known only when the step runs, and is left out.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MissingConnections {

    private final WorkflowDocuments documents;
    private final ActionRegistry actions;
    private final ConfigSchemas schemas;

    /** Each use of a connection that does not exist here: the workflow's index and name, the step, the connection. */
    List<ImportResult.MissingConnection> of(List<WorkflowDefinition> definitions) {
        List<ImportResult.MissingConnection> uses = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            WorkflowDefinition definition = definitions.get(i);
            for (StepSpec step : flatten(definition.steps()).toList()) {
                String connection = connectionOf(step);
                if (connection != null) {
                    uses.add(new ImportResult.MissingConnection(i, definition.name(), step.path(), connection));
                }
            }
        }
        Set<String> existing = documents.existingConnections(
                uses.stream().map(ImportResult.MissingConnection::connection).distinct().toList());
        return uses.stream().filter(use -> !existing.contains(use.connection())).toList();
    }

    private static Stream<StepSpec> flatten(List<StepSpec> steps) {
        return steps.stream().flatMap(step -> Stream.concat(Stream.of(step),
                step.children().values().stream().flatMap(MissingConnections::flatten)));
    }

    /** The connection a step names, else the one its action uses by default (its schema says which). */
    private String connectionOf(StepSpec step) {
        JsonNode named = step.config().get("connection");
        if (named != null && named.isTextual() && !named.asText().isBlank()) {
            return named.asText().contains("{{") ? null : named.asText().trim();
        }
        return actions.find(step.actionType())
                .map(action -> schemas.schemaOf(action.descriptor().configType())
                        .path("properties").path("connection").path("default"))
                .filter(fallback -> !fallback.isMissingNode() && !fallback.isNull())
                .map(JsonNode::asText)
                .orElse(null);
    }
}
