package dev.placemat.workflows.spi;

import java.util.List;

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
}
