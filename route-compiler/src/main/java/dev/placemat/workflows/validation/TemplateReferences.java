package dev.placemat.workflows.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.template.Paths;
import dev.placemat.workflows.template.TemplateExpression;
import dev.placemat.workflows.template.Templates;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every {@code {{...}}} in step configs and conditions: it must be a plain path, and a {@code step_N} it
 * names must be a step that has run by then (an earlier step, or the enclosing control step).
 */
final class TemplateReferences {

    private static final Pattern STEP = Pattern.compile("step_(\\d{1,9})");

    private TemplateReferences() {}

    static void check(List<StepSpec> steps, Errors errors) {
        Set<Integer> numbers = new TreeSet<>();
        steps.forEach(s -> numbers.add(s.number()));
        for (StepSpec step : steps) {
            checkStep(step, numbers, errors);
        }
    }

    private static void checkStep(StepSpec step, Set<Integer> numbers, Errors errors) {
        walk(step.config(), step.path() + ".config", step, numbers, errors);
        for (int i = 0; i < step.conditions().size(); i++) {
            Condition c = step.conditions().get(i);
            String path = step.path() + ".condition" + (step.conditions().size() > 1 ? "[" + i + "]" : "");
            reference(c.field(), path + ".field", step, numbers, errors);
            walk(c.value(), path + ".value", step, numbers, errors);
        }
        step.children().values().forEach(list -> list.forEach(child -> checkStep(child, numbers, errors)));
    }

    private static void walk(JsonNode node, String path, StepSpec step, Set<Integer> numbers, Errors errors) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.contains("{{") && Templates.references(text).isEmpty()) {
                errors.add(path, "invalid_template", "unbalanced template braces; write {{path.to.value}}");
            }
            for (String ref : Templates.references(text)) {
                Optional<TemplateExpression> expression = TemplateExpression.parse(ref);
                if (expression.isEmpty()) {
                    errors.add(path, "invalid_template", "'{{" + ref + "}}' is not a path; templates are paths "
                            + "such as {{step_1.name}} or {{webhook_data.email}}, optionally with a default such as "
                            + "{{webhook_data.name | default: \"friend\"}}, never expressions");
                } else {
                    reference(expression.get().path(), path, step, numbers, errors);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", step, numbers, errors);
            }
        } else if (node.isObject() && !isNestedBlock(path, step)) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                walk(f.getValue(), path + "." + f.getKey(), step, numbers, errors);
            }
        }
    }

    /** Nested actions are checked as steps of their own. */
    private static boolean isNestedBlock(String path, StepSpec step) {
        return !step.children().isEmpty() && path.matches(".*\\.config\\.\\w+_actions\\[\\d+]$");
    }

    private static void reference(String ref, String path, StepSpec step, Set<Integer> numbers, Errors errors) {
        Matcher m = STEP.matcher(Paths.parse(ref).map(s -> s.get(0)).orElse(""));
        if (!m.matches()) {
            return;
        }
        int referenced = Integer.parseInt(m.group(1));
        boolean enclosing = step.nested() && referenced == step.number();
        if (!numbers.contains(referenced)) {
            errors.add(path, "unknown_step", "'" + ref + "' refers to step " + referenced
                    + ", which this workflow does not have");
        } else if (referenced >= step.number() && !enclosing) {
            errors.add(path, "step_not_run_yet", "'" + ref + "' refers to step " + referenced
                    + ", which has not run yet when step " + step.number() + " runs");
        }
    }
}
