package dev.placemat.workflows.app.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.definition.TriggerType;
import dev.placemat.workflows.spi.Action;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.spi.ControlAction;
import dev.placemat.workflows.validation.ConfigSchemas;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.lang.Nullable;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue the designer builds its palette and forms from. */
@RestController
public class ActionController {

    /** The actions by category, in the registry's order. */
    public record ActionCatalogue(List<ActionCategory> categories) {}

    /** A category and its actions. */
    public record ActionCategory(String category, List<ActionInfo> actions) {}

    /**
     * An action type: its names, where the palette shows it, and the JSON Schema of its config; control actions
     * also name the config keys that hold nested actions ({@code nested_blocks}, absent on other actions).
     */
    public record ActionInfo(String type, List<String> aliases, String category, String displayName, String icon,
            String description, JsonNode schema,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> nestedBlocks) {}

    /** A trigger type and the JSON Schema of its config. */
    public record TriggerInfo(String type, JsonNode schema) {}

    private final Supplier<ActionCatalogue> actions;
    private final Supplier<List<TriggerInfo>> triggers;

    /** The catalogue is built on its first request: generating every schema is start-up time nothing else needs. */
    public ActionController(ActionRegistry registry, ConfigSchemas schemas) {
        this.actions = SingletonSupplier.of(() -> actions(registry, schemas));
        this.triggers = SingletonSupplier.of(() -> Arrays.stream(TriggerType.values())
                .map(type -> new TriggerInfo(type.id(), schemas.schemaOf(type.configType()))).toList());
    }

    @GetMapping("/api/actions")
    public ActionCatalogue actions() {
        return actions.get();
    }

    @GetMapping("/api/triggers")
    public List<TriggerInfo> triggers() {
        return triggers.get();
    }

    private static ActionCatalogue actions(ActionRegistry registry, ConfigSchemas schemas) {
        Map<String, List<ActionInfo>> byCategory = new LinkedHashMap<>();
        for (Action<?> action : registry.all()) {
            ActionDescriptor<?> d = action.descriptor();
            List<String> nestedBlocks = action instanceof ControlAction<?> control
                    ? List.copyOf(control.nestedBlocks()) : null;
            byCategory.computeIfAbsent(d.category(), c -> new java.util.ArrayList<>()).add(new ActionInfo(d.type(),
                    List.copyOf(d.aliases()), d.category(), d.displayName(), d.icon(), d.description(),
                    schemas.schemaOf(d.configType()), nestedBlocks));
        }
        return new ActionCatalogue(byCategory.entrySet().stream()
                .map(entry -> new ActionCategory(entry.getKey(), List.copyOf(entry.getValue()))).toList());
    }
}
