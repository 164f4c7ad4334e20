package dev.placemat.workflows.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.validation.ConfigSchemas;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.io.UncheckedIOException;

/** Parses definitions written in tests (single quotes allowed) with the test registry. */
public final class Definitions {

    public static final ActionRegistry REGISTRY = ActionRegistry.loadFrom(Definitions.class.getClassLoader());
    public static final DefinitionValidator VALIDATOR = new DefinitionValidator(REGISTRY, new ConfigSchemas());
    private static final ObjectMapper JSON = new ObjectMapper();

    private Definitions() {}

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkflowDefinition parse(String text) {
        return VALIDATOR.validate(json(text));
    }

    /** A webhook workflow with the given steps (a JSON array written with single quotes). */
    public static WorkflowDefinition webhook(String steps) {
        return parse("{'name':'t','trigger':{'type':'webhook','config':{}},'steps':" + steps + "}");
    }
}
