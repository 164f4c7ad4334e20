package dev.placemat.workflows.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.TriggerSpec;
import dev.placemat.workflows.definition.TriggerType;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.spi.ActionRegistry;
import java.util.List;

/**
 * Reads a workflow definition from JSON and checks it, collecting every error with its path before it gives up.
 * The result is either a {@link WorkflowDefinition} that the compiler can use, or an
 * {@link InvalidDefinitionException} listing all that is wrong.
 */
public final class DefinitionValidator {

    public static final int MAX_NAME_LENGTH = 255;
    /** The largest definition accepted, as compact JSON: large enough for 100 steps with long templates. */
    public static final int MAX_DEFINITION_BYTES = 256 * 1024;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 50;

    private final StepReader steps;
    private final ConfigSchemas schemas;
    private final List<TriggerRule> triggerRules;

    /**
     * @param limits    the platform's limits a definition must keep to
     * @param addresses judges the literal addresses of steps that call out (the platform's outbound guard)
     */
    public DefinitionValidator(ActionRegistry actions, ConfigSchemas schemas, List<TriggerRule> triggerRules,
            DefinitionLimits limits, AddressCheck addresses) {
        this.schemas = schemas;
        this.steps = new StepReader(actions, schemas, limits, addresses);
        this.triggerRules = List.copyOf(triggerRules);
    }

    /** With the default limits, accepting every address. */
    public DefinitionValidator(ActionRegistry actions, ConfigSchemas schemas, List<TriggerRule> triggerRules) {
        this(actions, schemas, triggerRules, DefinitionLimits.DEFAULT, AddressCheck.NONE);
    }

    /** With the rules of every trigger type, and schedules at most once a minute. */
    public DefinitionValidator(ActionRegistry actions, ConfigSchemas schemas) {
        this(actions, schemas, defaultRules(java.time.Duration.ofSeconds(60)));
    }

    /** The rules of every trigger type: webhook ids and headers, event types, schedules. */
    public static List<TriggerRule> defaultRules(java.time.Duration minScheduleInterval) {
        return List.of(new WebhookTriggerRule(), new EventTriggerRule(), new ScheduleTriggerRule(minScheduleInterval));
    }

    public WorkflowDefinition validate(JsonNode root) {
        Errors errors = new Errors();
        if (root == null || !root.isObject()) {
            errors.add("$", "type", "a workflow definition must be a JSON object");
            errors.throwIfAny();
        }
        int bytes = root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_DEFINITION_BYTES) {
            errors.add("$", "too_large", "the definition is " + bytes + " bytes; at most " + MAX_DEFINITION_BYTES
                    + " are accepted: move large data out of step configs or split the workflow");
            errors.throwIfAny();
        }
        String name = text(root, "name", "name", true, errors);
        if (name != null && name.isBlank()) {
            errors.add("name", "required", "name must not be blank");
        } else if (name != null && name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "too_long", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        String description = text(root, "description", "description", false, errors);
        tags(root.get("tags"), errors);
        TriggerSpec trigger = trigger(root.get("trigger"), errors);
        List<StepSpec> stepList = steps.read(root.get("steps"), errors);
        TemplateReferences.check(stepList, errors);
        errors.throwIfAny();
        return new WorkflowDefinition(name, description, trigger, stepList);
    }

    private TriggerSpec trigger(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add("trigger", "required", "trigger is required: {\"type\": \"webhook\", \"config\": {}}");
            return null;
        }
        if (!node.isObject()) {
            errors.add("trigger", "type", "trigger must be an object with a type and a config");
            return null;
        }
        String type = text(node, "type", "trigger.type", true, errors);
        JsonNode configNode = node.get("config");
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        if (configNode != null && !configNode.isNull()) {
            if (configNode.isObject()) {
                config = (ObjectNode) configNode;
            } else {
                errors.add("trigger.config", "type", "trigger.config must be an object");
            }
        }
        if (type == null) {
            return null;
        }
        var triggerType = TriggerType.byId(type);
        if (triggerType.isEmpty()) {
            errors.add("trigger.type", "unknown_trigger_type",
                    "unknown trigger type '" + type + "'; use one of " + String.join(", ", TriggerType.ids()));
            return null;
        }
        errors.addAll(schemas.validate(triggerType.get().configType(), config, "trigger.config"));
        Conditions.read(config.get("conditions"), "trigger.config.conditions", errors);
        TriggerSpec spec = new TriggerSpec(type, config);
        triggerRules.stream().filter(rule -> rule.triggerType() == triggerType.get())
                .forEach(rule -> rule.check(spec, errors));
        return spec;
    }

    /** Optional {@code tags}: words to find and group workflows by; the engine ignores them. */
    private static void tags(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            errors.add("tags", "type", "tags must be a list of words, such as [\"finance\", \"daily\"]");
            return;
        }
        if (node.size() > MAX_TAGS) {
            errors.add("tags", "too_many", "a workflow has at most " + MAX_TAGS + " tags");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            if (!tag.isTextual() || tag.asText().isBlank()) {
                errors.add("tags[" + i + "]", "type", "a tag is a non-blank text");
            } else if (tag.asText().length() > MAX_TAG_LENGTH) {
                errors.add("tags[" + i + "]", "too_long", "a tag has at most " + MAX_TAG_LENGTH + " characters");
            }
        }
    }

    static String text(JsonNode parent, String field, String path, boolean required, Errors errors) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(path, "required", field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(path, "type", field + " must be a string");
            return null;
        }
        return node.asText();
    }
}
