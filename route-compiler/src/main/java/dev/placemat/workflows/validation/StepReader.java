package dev.placemat.workflows.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.definition.RetryPolicy;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.spi.Action;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.spi.ControlAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code steps} array (and the actions nested in control steps), checking each step. */
final class StepReader {

    static final int MAX_STEPS = 100;
    static final int MAX_NESTING = 3;
    static final int MAX_TIMEOUT_SECONDS = 86_400;
    static final int MAX_STEP_NAME_LENGTH = 100;
    static final int MAX_NOTES_LENGTH = 2_000;

    private final ActionRegistry actions;
    private final ConfigSchemas schemas;
    private final DefinitionLimits limits;
    private final LiteralUrls urls;

    StepReader(ActionRegistry actions, ConfigSchemas schemas, DefinitionLimits limits, AddressCheck addresses) {
        this.actions = actions;
        this.schemas = schemas;
        this.limits = limits;
        this.urls = new LiteralUrls(addresses);
    }

    List<StepSpec> read(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add("steps", "required", "steps is required: a list of at least one step");
            return List.of();
        }
        if (!node.isArray()) {
            errors.add("steps", "type", "steps must be a list of steps");
            return List.of();
        }
        if (node.isEmpty()) {
            errors.add("steps", "required", "a workflow needs at least one step");
        }
        if (node.size() > MAX_STEPS) {
            errors.add("steps", "too_many", "a workflow has at most " + MAX_STEPS + " steps; split it into workflows");
            return List.of();
        }
        List<StepSpec> steps = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int previous = 0;
        for (int i = 0; i < node.size(); i++) {
            String path = "steps[" + i + "]";
            int number = stepNumber(node.get(i), path, previous + 1, errors);
            if (!seen.add(number)) {
                errors.add(path + ".step_number", "duplicate_step_number",
                        "step number " + number + " is used twice; each step needs its own number");
            } else if (number <= previous) {
                errors.add(path + ".step_number", "order",
                        "step numbers must increase in the order of the steps (" + number + " follows " + previous + ")");
            }
            previous = Math.max(previous, number);
            StepSpec step = step(node.get(i), path, number, String.valueOf(number), 1, 1, errors);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private static int stepNumber(JsonNode step, String path, int next, Errors errors) {
        JsonNode number = step == null ? null : step.get("step_number");
        if (number == null || number.isNull()) {
            return next;
        }
        if (!number.canConvertToInt() || !number.isIntegralNumber() || number.asInt() < 1) {
            errors.add(path + ".step_number", "type", "step_number must be a whole number from 1");
            return next;
        }
        return number.asInt();
    }

    /** @param runs how often the enclosing loops may run this step, by their literal bounds */
    private StepSpec step(JsonNode node, String path, int number, String key, int depth, long runs, Errors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path, "type", "a step must be an object with action_type and config");
            return null;
        }
        String type = DefinitionValidator.text(node, "action_type", path + ".action_type", true, errors);
        label(node, "name", path, MAX_STEP_NAME_LENGTH, errors);
        label(node, "notes", path, MAX_NOTES_LENGTH, errors);
        ObjectNode config = config(node.get("config"), path + ".config", errors);
        List<Condition> conditions = Conditions.read(node.get("condition"), path + ".condition", errors);
        RetryPolicy retry = retry(node.get("retry_config"), path + ".retry_config", errors);
        int timeout = timeout(node.get("timeout_seconds"), path + ".timeout_seconds", errors);
        String onInterrupt = onInterrupt(node.get("on_interrupt"), path + ".on_interrupt", errors);
        Map<String, List<StepSpec>> children = new LinkedHashMap<>();
        if (type != null) {
            Action<?> action = actions.find(type).orElse(null);
            if (action == null) {
                errors.add(path + ".action_type", "unknown_action_type",
                        "unknown action type '" + type + "'; GET /api/actions lists the available ones");
            } else {
                List<FieldError> schemaErrors = schemas.validate(action.descriptor().configType(), config,
                        path + ".config");
                errors.addAll(schemaErrors);
                urls.check(action.descriptor().configType(), config, path + ".config", errors);
                action.conditionFields().forEach(field ->
                        Conditions.read(config.get(field), path + ".config." + field, errors));
                action.templateFreeFields().forEach(field -> {
                    JsonNode value = config.get(field);
                    if (value != null && value.isTextual() && value.asText().contains("{{")) {
                        errors.add(path + ".config." + field, "template_not_allowed", field
                                + " must not contain {{...}} templates; pass values as bound parameters instead");
                    }
                });
                action.connectionUse().ifPresent(use -> {
                    JsonNode value = config.get(use.field());
                    if (value != null && value.isTextual() && value.asText().contains("{{")) {
                        errors.add(path + ".config." + use.field(), "template_not_allowed", use.field()
                                + " names a connection literally, never with a {{...}} template");
                    }
                });
                if (schemaErrors.isEmpty()) {
                    action.check(config).forEach(p -> errors.add(path + ".config." + p.field(), p.code(), p.message()));
                }
                if (action instanceof ControlAction<?> control) {
                    nested(control, config, path, number, key, depth, runs, children, errors);
                }
            }
        }
        return new StepSpec(number, key, path, type, config, conditions, retry, timeout, children, onInterrupt);
    }

    private static String onInterrupt(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !StepSpec.ON_INTERRUPT.contains(node.asText())) {
            errors.add(path, "enum", "on_interrupt must be one of " + String.join(", ", StepSpec.ON_INTERRUPT)
                    + ": retry runs the step again after a crash, ask stops the execution as interrupted");
            return null;
        }
        return node.asText();
    }

    private void nested(ControlAction<?> control, ObjectNode config, String path, int number, String key, int depth,
            long runs, Map<String, List<StepSpec>> children, Errors errors) {
        long nestedRuns = nestedRuns(control, config, path, runs, errors);
        for (String block : control.nestedBlocks()) {
            JsonNode list = config.get(block);
            if (list == null || !list.isArray()) {
                continue;
            }
            if (depth >= MAX_NESTING) {
                errors.add(path + ".config." + block, "too_deep",
                        "control steps nest at most " + MAX_NESTING + " levels deep");
                continue;
            }
            String label = block.replace("_actions", "");
            List<StepSpec> nestedSteps = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                StepSpec child = step(list.get(i), path + ".config." + block + "[" + i + "]", number,
                        key + "." + label + "." + (i + 1), depth + 1, nestedRuns, errors);
                if (child != null) {
                    nestedSteps.add(child);
                }
            }
            children.put(label, nestedSteps);
        }
    }

    /**
     * How often the actions nested in {@code control} may run: its literal repetitions times {@code runs}. Past the
     * step budget, an error at the innermost loop that passes it (loops within it are not named again).
     */
    private long nestedRuns(ControlAction<?> control, ObjectNode config, String path, long runs, Errors errors) {
        ControlAction.Repeats repeats = control.repeats(config);
        if (repeats == null) {
            return runs;
        }
        long nested = runs * Math.max(1, Math.min(repeats.times(), Integer.MAX_VALUE));
        int budget = limits.maxStepsPerExecution();
        String field = path + ".config." + repeats.field();
        if (nested > budget && runs <= budget && errors.list().stream().noneMatch(e -> e.path().equals(field))) {
            errors.add(field, "step_budget", "the loops around these actions may run "
                    + "them " + nested + " times (" + repeats.field() + " multiplied over the nested loops, 100 where "
                    + "it is not given); an execution runs at most " + budget
                    + " steps (workflows.limits.max-steps-per-execution): lower " + repeats.field());
        }
        return nested;
    }

    /** A step's {@code name} and {@code notes}: text for people, shown in the designer; the engine ignores them. */
    private static void label(JsonNode step, String field, String path, int maxLength, Errors errors) {
        String text = DefinitionValidator.text(step, field, path + "." + field, false, errors);
        if (text != null && text.length() > maxLength) {
            errors.add(path + "." + field, "too_long", field + " must be at most " + maxLength + " characters");
        }
    }

    private static ObjectNode config(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            errors.add(path, "type", "config must be an object");
            return JsonNodeFactory.instance.objectNode();
        }
        return (ObjectNode) node;
    }

    private static RetryPolicy retry(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return RetryPolicy.DEFAULT;
        }
        if (!node.isObject()) {
            errors.add(path, "type", "retry_config must be an object: {max_retries, retry_delay, backoff_multiplier}");
            return RetryPolicy.DEFAULT;
        }
        Set<String> known = Set.of("max_retries", "retry_delay", "backoff_multiplier");
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(path + "." + name, "unknown_field", name + " is not a retry setting; use "
                        + String.join(", ", List.of("max_retries", "retry_delay", "backoff_multiplier")));
            }
        });
        int retries = (int) number(node, "max_retries", path, 0, RetryPolicy.MAX_RETRIES_LIMIT,
                RetryPolicy.DEFAULT.maxRetries(), true, errors);
        long delay = (long) number(node, "retry_delay", path, 0, RetryPolicy.MAX_DELAY_MS,
                RetryPolicy.DEFAULT.retryDelayMs(), true, errors);
        double multiplier = number(node, "backoff_multiplier", path, 1, RetryPolicy.MAX_MULTIPLIER,
                RetryPolicy.DEFAULT.backoffMultiplier(), false, errors);
        return new RetryPolicy(retries, delay, multiplier);
    }

    private static double number(JsonNode parent, String field, String path, double min, double max,
            double fallback, boolean whole, Errors errors) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || (whole && !node.isIntegralNumber())) {
            errors.add(path + "." + field, "type", field + " must be " + (whole ? "a whole number" : "a number"));
            return fallback;
        }
        double value = node.asDouble();
        if (value < min || value > max) {
            errors.add(path + "." + field, "range",
                    field + " must be between " + format(min) + " and " + format(max) + ", not " + node.asText());
            return fallback;
        }
        return value;
    }

    private static int timeout(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return StepSpec.DEFAULT_TIMEOUT_SECONDS;
        }
        if (!node.isIntegralNumber()) {
            errors.add(path, "type", "timeout_seconds must be a whole number of seconds");
            return StepSpec.DEFAULT_TIMEOUT_SECONDS;
        }
        if (node.asLong() < 1 || node.asLong() > MAX_TIMEOUT_SECONDS) {
            errors.add(path, "range", "timeout_seconds must be between 1 and " + MAX_TIMEOUT_SECONDS
                    + " (one day), not " + node.asText());
            return StepSpec.DEFAULT_TIMEOUT_SECONDS;
        }
        return node.asInt();
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
