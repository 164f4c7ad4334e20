package dev.placemat.workflows.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.spi.Action;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.template.Templates;
import dev.placemat.workflows.validation.ConfigMapper;
import dev.placemat.workflows.validation.ConfigSchemas;
import dev.placemat.workflows.validation.DefinitionValidator;
import dev.placemat.workflows.validation.InvalidDefinitionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action found through ServiceLoader describes itself for the palette and has a schema; every action of this
 * module has an example definition in src-test-fixtures that validates and binds to its config record.
 */
class ActionContractTest {

    /** Read from the source tree: the fixtures module's jar may be older than this module's build. */
    private static final Path FIXTURES = Path.of("..", "src-test-fixtures", "definitions", "valid");
    private static final ActionRegistry REGISTRY = ActionRegistry.loadFrom(ActionContractTest.class.getClassLoader());
    private static final ConfigSchemas SCHEMAS = new ConfigSchemas();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Action<?>> allActions() {
        return REGISTRY.all().stream();
    }

    static Stream<Action<?>> connectorActions() {
        return allActions().filter(a -> a.getClass().getPackageName().startsWith("dev.placemat.workflows.connectors"));
    }

    @Test
    void typesAndAliasesAreUnique() {
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        REGISTRY.all().forEach(a -> {
            ids.add(a.descriptor().type());
            ids.addAll(a.descriptor().aliases());
        });
        assertThat(ids).allMatch(seen::add);
        assertThat(REGISTRY.find("data.query")).containsSame(REGISTRY.find("database.query").orElseThrow());
        assertThat(connectorActions()).hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allActions")
    void describesItselfForThePaletteAndHasASchema(Action<?> action) {
        ActionDescriptor<?> d = action.descriptor();
        assertThat(d.type()).matches("[a-z_]+\\.[a-z_]+");
        assertThat(d.category()).isNotBlank();
        assertThat(d.displayName()).isNotBlank();
        assertThat(d.icon()).isNotBlank();
        assertThat(d.description()).isNotBlank();
        JsonNode schema = SCHEMAS.schemaOf(d.configType());
        assertThat(schema.path("type").asText()).isEqualTo("object");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectorActions")
    void itsExampleDefinitionValidatesAndBinds(Action<?> action) throws IOException {
        String type = action.descriptor().type();
        Path file = FIXTURES.resolve("action-" + type + ".json");
        assertThat(file).as("example definition for " + type).exists();
        WorkflowDefinition definition = validate(JSON.readTree(file.toFile()), file);
        StepSpec step = definition.steps().get(0);
        assertThat(definition.steps()).hasSize(1);
        assertThat(step.actionType()).isEqualTo(type);
        JsonNode resolved = Templates.resolve(step.config(), JSON.createObjectNode());
        assertThat(ConfigMapper.bind(resolved, action.descriptor().configType())).isNotNull();
    }

    @Test
    void theAliasExampleValidatesToo() throws IOException {
        Path file = FIXTURES.resolve("action-data.query.json");
        assertThat(validate(JSON.readTree(file.toFile()), file).steps().get(0).actionType()).isEqualTo("data.query");
    }

    private static WorkflowDefinition validate(JsonNode definition, Path file) {
        try {
            return new DefinitionValidator(REGISTRY, SCHEMAS).validate(definition);
        } catch (InvalidDefinitionException e) {
            return fail(file.getFileName() + " is not valid: " + e.getMessage());
        }
    }
}
