package dev.placemat.workflows.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.definition.Operator;
import dev.placemat.workflows.template.Paths;
import java.util.ArrayList;
import java.util.List;

/** Reads conditions in the design's format: one {@code {field, operator, value}} object or a list of them. */
public final class Conditions {

    private Conditions() {}

    public static List<Condition> read(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        if (node.isObject()) {
            one(node, path, errors, conditions);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                one(node.get(i), path + "[" + i + "]", errors, conditions);
            }
        } else {
            errors.add(path, "type", "a condition is an object {field, operator, value} or a list of them");
        }
        return conditions;
    }

    private static void one(JsonNode node, String path, Errors errors, List<Condition> out) {
        if (!node.isObject()) {
            errors.add(path, "type", "a condition is an object {field, operator, value}");
            return;
        }
        String field = DefinitionValidator.text(node, "field", path + ".field", true, errors);
        String op = DefinitionValidator.text(node, "operator", path + ".operator", true, errors);
        if (field != null && !Paths.isValid(field)) {
            errors.add(path + ".field", "invalid_path",
                    "field must be a path such as step_1.status or event_data.amount");
            field = null;
        }
        Operator operator = null;
        if (op != null) {
            operator = Operator.byId(op).orElse(null);
            if (operator == null) {
                errors.add(path + ".operator", "unknown_operator",
                        "unknown operator '" + op + "'; use one of " + Operator.allIds());
            }
        }
        JsonNode value = node.has("value") ? node.get("value") : MissingNode.getInstance();
        if (operator != null && operator.needsValue() && value.isMissingNode()) {
            errors.add(path + ".value", "required", "value is required for the operator " + operator.id());
        }
        if ((operator == Operator.IN || operator == Operator.NOT_IN) && !value.isMissingNode() && !value.isArray()
                && !(value.isTextual() && dev.placemat.workflows.template.Templates.isWholeTemplate(value.asText()))) {
            errors.add(path + ".value", "type", "the operator " + operator.id() + " needs a list as value");
        }
        if (field != null && operator != null) {
            out.add(new Condition(field, operator, value));
        }
    }
}
