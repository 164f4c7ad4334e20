package dev.placemat.workflows.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.placemat.workflows.template.Templates;
import dev.placemat.workflows.template.WorkflowJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schemas generated from config records (the single source of truth), and validation of configs against them.
 * Property names are snake_case, as in the design's definitions, and properties come in the order the record
 * declares them (the designer draws its forms in that order). A component's {@code @JsonProperty(defaultValue)}
 * becomes the schema's {@code default}, typed as the component is. A value that is a whole template
 * ({@code "{{step_1.count}}"}) is accepted where any type is expected: its type is only known at run time.
 * Bounds are declared on the records with {@code @Min} and {@code @Max} (jakarta.validation): they become the
 * schema's {@code minimum} and {@code maximum}, and a value outside them is a {@code range} error that names both.
 */
public final class ConfigSchemas {

    private final SchemaGenerator generator;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<Class<?>, ObjectNode> schemas = new ConcurrentHashMap<>();
    private final Map<Class<?>, JsonSchema> validators = new ConcurrentHashMap<>();

    public ConfigSchemas() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                        WorkflowJson.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(new JakartaValidationModule())
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // A JsonNode field takes any JSON value.
        builder.forTypesInGeneral().withCustomDefinitionProvider((type, context) ->
                JsonNode.class.isAssignableFrom(type.getErasedType())
                        ? new CustomDefinition(context.getGeneratorConfig().createObjectNode(),
                                CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO)
                        : null);
        builder.forFields().withPropertyNameOverrideResolver(field -> ConfigMapper.snakeCase(field.getName()));
        builder.forTypesInGeneral().withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS);
        builder.forFields().withDefaultResolver(field -> {
            JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
            return property == null || property.defaultValue().isEmpty() ? null
                    : typedDefault(property.defaultValue(), field.getType().getErasedType());
        });
        generator = new SchemaGenerator(builder.build());
    }

    /** A default written as text in {@code @JsonProperty(defaultValue)}, as a value of the component's type. */
    static Object typedDefault(String text, Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return Long.valueOf(text);
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return Double.valueOf(text);
        }
        return text;
    }

    /** The JSON Schema of a config record. */
    public ObjectNode schemaOf(Class<?> configType) {
        return schemas.computeIfAbsent(configType, generator::generateSchema).deepCopy();
    }

    /** Every way {@code config} breaks the schema of {@code configType}, with paths under {@code basePath}. */
    public List<FieldError> validate(Class<?> configType, JsonNode config, String basePath) {
        ObjectNode generated = schemas.computeIfAbsent(configType, generator::generateSchema);
        JsonSchema schema = validators.computeIfAbsent(configType, type -> factory.getSchema(generated));
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(config)) {
            String pointer = message.getInstanceLocation().toString();
            JsonNode instance = config.at(jsonPointer(pointer));
            if (instance.isTextual() && Templates.isWholeTemplate(instance.asText())) {
                continue;
            }
            String path = basePath + pathSuffix(pointer);
            errors.add(isBound(message) ? rangeError(message, generated, path, instance) : toError(message, path));
        }
        errors.sort(Comparator.comparing(FieldError::path));
        return errors;
    }

    private static FieldError toError(ValidationMessage message, String path) {
        String code = message.getType();
        return switch (code) {
            case "required" -> new FieldError(
                    path + "." + message.getProperty(), "required", message.getProperty() + " is required");
            case "additionalProperties" -> new FieldError(
                    path + "." + message.getProperty(),
                    "unknown_field",
                    message.getProperty() + " is not a field of this config; check its spelling");
            case "type" -> new FieldError(path, "type", "must be " + expectedType(message));
            case "enum" -> new FieldError(path, "enum", "must be one of " + String.join(", ", enumValues(message)));
            default -> new FieldError(path, code, message.getMessage().replaceFirst("^\\$[^:]*: ", ""));
        };
    }

    private static boolean isBound(ValidationMessage message) {
        return message.getType().equals("minimum") || message.getType().equals("maximum");
    }

    /** "max_iterations must be between 1 and 10000, not 0": both bounds, from the property's schema. */
    private static FieldError rangeError(ValidationMessage message, ObjectNode schema, String path, JsonNode value) {
        JsonNode property = schema.at(message.getSchemaLocation().getFragment().getParent().toString());
        String field = path.substring(path.lastIndexOf('.') + 1);
        JsonNode min = property.path("minimum");
        JsonNode max = property.path("maximum");
        String range = min.isMissingNode() ? "at most " + max.asText() : max.isMissingNode() ? "at least " + min.asText()
                : "between " + min.asText() + " and " + max.asText();
        return new FieldError(path, "range", field + " must be " + range + ", not " + value.asText());
    }

    private static String expectedType(ValidationMessage message) {
        Object[] args = message.getArguments();
        return args != null && args.length > 1 ? String.valueOf(args[1]) : "of another type";
    }

    private static List<String> enumValues(ValidationMessage message) {
        Object[] args = message.getArguments();
        return args != null && args.length > 0 ? List.of(String.valueOf(args[0])) : List.of("the allowed values");
    }

    /** {@code $.headers.x-a[2]} relative to the config, as our path suffix {@code .headers.x-a[2]}. */
    private static String pathSuffix(String instanceLocation) {
        return instanceLocation.startsWith("$") ? instanceLocation.substring(1) : instanceLocation;
    }

    private static String jsonPointer(String instanceLocation) {
        StringBuilder pointer = new StringBuilder();
        String rest = pathSuffix(instanceLocation);
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                pointer.append('/').append(rest, i + 1, end);
                i = end;
            } else if (c == '[') {
                int end = rest.indexOf(']', i);
                String inner = rest.substring(i + 1, end);
                if (inner.startsWith("'") && inner.endsWith("'")) {
                    inner = inner.substring(1, inner.length() - 1);
                }
                pointer.append('/').append(inner.replace("~", "~0").replace("/", "~1"));
                i = end + 1;
            } else {
                i++;
            }
        }
        return pointer.toString();
    }
}
