package dev.placemat.workflows.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One action type of the library. Implementations are found through {@link java.util.ServiceLoader}: one class per
 * action type, one line in {@code META-INF/services/dev.placemat.workflows.spi.Action}.
 *
 * <p>An action is either a {@link TaskAction} (it does work and returns an output) or a {@link ControlAction} (it
 * shapes the route: choice, split, delay).
 *
 * @param <C> the config record; its JSON Schema is generated from it and every step's config is validated against it
 */
public sealed interface Action<C> permits TaskAction, ControlAction {

    ActionDescriptor<C> descriptor();

    /**
     * Config fields that hold conditions in the design's format ({@code {field, operator, value}} or a list of them);
     * the validator checks their operators and paths like a step's own condition.
     */
    default List<String> conditionFields() {
        return List.of();
    }

    /**
     * Config fields that must hold no {@code {{...}}} template (SQL text, for one: values go in bound parameters).
     * The validator rejects a definition that puts one there.
     */
    default List<String> templateFreeFields() {
        return List.of();
    }

    /**
     * The connection the action uses, if any. Its field is template-free (a connection is named literally), so that
     * the platform can check, when a definition is saved and deployed, who may use it.
     */
    default Optional<ConnectionUse> connectionUse() {
        return Optional.empty();
    }

    /**
     * Checks of a step's config that its schema cannot express (one SQL statement, for one), run when a definition is
     * saved; the config has passed its schema. Field names are relative to the config.
     */
    default List<ConfigProblem> check(ObjectNode config) {
        return List.of();
    }
}
