package dev.placemat.workflows.spi;

import java.util.List;
import java.util.Objects;

/**
 * What the palette and the validator know of an action.
 *
 * @param type        the type id used in definitions, {@code category.name}
 * @param aliases     other type ids accepted for the same action (the design's {@code data.query})
 * @param category    palette group
 * @param displayName name shown to people
 * @param icon        a short glyph for the palette
 * @param description one sentence for people
 * @param configType  the config record
 */
public record ActionDescriptor<C>(
        String type,
        List<String> aliases,
        String category,
        String displayName,
        String icon,
        String description,
        Class<C> configType) {

    public ActionDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(configType, "configType");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        description = description == null ? "" : description;
    }

    public static <C> ActionDescriptor<C> of(
            String type, String category, String displayName, String icon, String description, Class<C> configType) {
        return new ActionDescriptor<>(type, List.of(), category, displayName, icon, description, configType);
    }

    public ActionDescriptor<C> withAliases(String... names) {
        return new ActionDescriptor<>(type, List.of(names), category, displayName, icon, description, configType);
    }
}
