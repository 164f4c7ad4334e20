package dev.placemat.workflows.app.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.definition.TriggerType;
import dev.placemat.workflows.spi.Action;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.spi.ControlAction;
import dev.placemat.workflows.validation.ConfigSchemas;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue the designer builds its palette and forms from. */
@RestController
public class ActionController {

    private final ObjectNode actions;
    private final ArrayNode triggers;

    public ActionController(ActionRegistry registry, ConfigSchemas schemas) {
        this.actions = actions(registry, schemas);
        this.triggers = triggers(schemas);
    }

    @GetMapping("/api/actions")
    public ObjectNode actions() {
        return actions;
    }

    @GetMapping("/api/triggers")
    public ArrayNode triggers() {
        return triggers;
    }

    private static ObjectNode actions(ActionRegistry registry, ConfigSchemas schemas) {
        Map<String, ArrayNode> byCategory = new LinkedHashMap<>();
        for (Action<?> action : registry.all()) {
            ActionDescriptor<?> d = action.descriptor();
            ObjectNode item = byCategory.computeIfAbsent(d.category(), c -> JsonNodeFactory.instance.arrayNode())
                    .addObject();
            item.put("type", d.type());
            ArrayNode aliases = item.putArray("aliases");
            d.aliases().forEach(aliases::add);
            item.put("category", d.category());
            item.put("display_name", d.displayName());
            item.put("icon", d.icon());
            item.put("description", d.description());
            item.set("schema", schemas.schemaOf(d.configType()));
            if (action instanceof ControlAction<?> control) {
                ArrayNode blocks = item.putArray("nested_blocks");
                control.nestedBlocks().forEach(blocks::add);
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode categories = out.putArray("categories");
        byCategory.forEach((category, list) -> categories.addObject().put("category", category).set("actions", list));
        return out;
    }

    private static ArrayNode triggers(ConfigSchemas schemas) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (TriggerType type : TriggerType.values()) {
            list.addObject().put("type", type.id()).set("schema", schemas.schemaOf(type.configType()));
        }
        return list;
    }
}
