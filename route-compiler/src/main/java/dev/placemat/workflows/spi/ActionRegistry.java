package dev.placemat.workflows.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every action the platform knows, by type id and alias. Fails at construction on a duplicate id.
 */
public final class ActionRegistry {

    private final Map<String, Action<?>> byType = new LinkedHashMap<>();
    private final List<Action<?>> actions;

    public ActionRegistry(Collection<? extends Action<?>> actions) {
        this.actions = List.copyOf(actions);
        for (Action<?> action : this.actions) {
            ActionDescriptor<?> d = action.descriptor();
            register(d.type(), action);
            d.aliases().forEach(alias -> register(alias, action));
        }
    }

    /** The actions found on the class path through {@link ServiceLoader}. */
    public static ActionRegistry loadFrom(ClassLoader classLoader) {
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Action<?>> found = (List) ServiceLoader.load(Action.class, classLoader).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        return new ActionRegistry(found);
    }

    private void register(String type, Action<?> action) {
        Action<?> previous = byType.putIfAbsent(type, action);
        if (previous != null) {
            throw new IllegalStateException("Action type '" + type + "' is registered twice: by "
                    + previous.getClass().getName() + " and by " + action.getClass().getName());
        }
    }

    public Optional<Action<?>> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Each action once, in registration order (aliases not repeated). */
    public List<Action<?>> all() {
        return actions;
    }

    public boolean contains(String type) {
        return byType.containsKey(type);
    }
}
