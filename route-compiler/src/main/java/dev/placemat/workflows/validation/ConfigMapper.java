package dev.placemat.workflows.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.placemat.workflows.template.WorkflowJson;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Binds resolved step configs to their config records (snake_case JSON to record components), and turns actions'
 * outputs into JSON.
 */
public final class ConfigMapper {

    private static final ObjectMapper MAPPER = WorkflowJson.mapper().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            .findAndRegisterModules();
    /** A reader per config record, built once: every step attempt binds its config. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private ConfigMapper() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The record for a resolved config; an {@link IllegalArgumentException} with the field path when it does not fit. */
    public static <C> C bind(JsonNode config, Class<C> type) {
        try {
            return config == null ? null : READERS.get(type).readValue(config);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config." + e.getPropertyName() + " is not a field of this config");
        } catch (MismatchedInputException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new IllegalArgumentException(
                    "config." + path.replace(".[", "[") + " has the wrong type after templates were resolved: "
                            + e.getOriginalMessage().replaceAll("\\s*\\n.*", ""));
        } catch (IOException e) { // a tree is read from memory: this is JSON that does not fit, never an I/O failure
            throw new IllegalArgumentException("config cannot be read: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
    }

    public static JsonNode toJson(Object value) {
        return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
    }

    static String snakeCase(String camel) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(camel);
    }
}
