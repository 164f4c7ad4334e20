package dev.placemat.workflows.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSchemasTest {

    enum Mode { FAST, SLOW }

    record Config(
            @JsonProperty(defaultValue = "FAST") Mode mode,
            @JsonProperty(required = true) @JsonPropertyDescription("Where to go") String url,
            @JsonProperty(defaultValue = "30") Integer timeoutSeconds,
            @JsonProperty(defaultValue = "true") Boolean failOnError,
            @JsonProperty(defaultValue = "1.5") Double factor,
            String anything) {}

    /** The schema as the API sends it. */
    private final JsonNode schema = json(new ConfigSchemas().schemaOf(Config.class));

    private static JsonNode json(ObjectNode node) {
        try {
            return new ObjectMapper().readTree(node.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


    @Test
    void listsPropertiesInTheOrderTheRecordDeclaresThem() {
        List<String> names = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("mode", "url", "timeout_seconds", "fail_on_error", "factor", "anything");
    }

    @Test
    void givesDefaultsTheTypeOfTheirComponent() {
        JsonNode properties = schema.get("properties");
        assertThat(properties.get("mode").get("default").asText()).isEqualTo("FAST");
        assertThat(properties.get("timeout_seconds").get("default").isIntegralNumber()).isTrue();
        assertThat(properties.get("timeout_seconds").get("default").asInt()).isEqualTo(30);
        assertThat(properties.get("fail_on_error").get("default").isBoolean()).isTrue();
        assertThat(properties.get("fail_on_error").get("default").asBoolean()).isTrue();
        assertThat(properties.get("factor").get("default").asDouble()).isEqualTo(1.5);
        assertThat(properties.get("url").has("default")).isFalse();
        assertThat(properties.get("url").get("description").asText()).isEqualTo("Where to go");
    }
}
