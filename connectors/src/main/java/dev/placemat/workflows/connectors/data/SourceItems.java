package dev.placemat.workflows.connectors.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Paths;

/** The list a data step works on: {@code source} is a path into the execution context, such as step_1.rows. */
final class SourceItems {

    private SourceItems() {}

    static JsonNode of(String source, StepContext context) throws StepFailure {
        String path = source == null ? "" : source.strip();
        if (path.startsWith("{{") && path.endsWith("}}")) {
            path = path.substring(2, path.length() - 2).strip();
        }
        if (!Paths.isValid(path)) {
            throw StepFailure.permanent("source must be a path such as step_1.rows, not '" + source + "'");
        }
        JsonNode items = context.at(path);
        if (items.isMissingNode() || items.isNull()) {
            throw StepFailure.permanent("source " + path + " leads nowhere in the execution context; check the "
                    + "step number and the field name");
        }
        if (!items.isArray()) {
            throw StepFailure.permanent("source " + path + " is " + items.getNodeType().name().toLowerCase()
                    + ", not a list");
        }
        return items;
    }
}
