package dev.placemat.workflows.spi;

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
}
