package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the create actions share: a new page in their database ({@code POST /v1/pages}) from the config's
 * {@code <noun>_data}. Not safe to repeat: running it again after a crash could create a second page (retries look
 * for the first).
 */
abstract class NotionPageCreate<C> extends NotionPageAction<C> {

    private final Function<C, Object> data;

    /** The database, and where a config holds the new page's data and the connection name. */
    NotionPageCreate(NotionDatabase database, Function<C, Object> data, Function<C, String> connection) {
        super(database, connection);
        this.data = data;
    }

    @Override
    public CompletableFuture<ObjectNode> execute(C config, StepContext context) throws StepFailure {
        Object values = data.apply(config);
        if (values == null) {
            throw StepFailure.permanent(database.noun() + "_data is empty after templates were resolved");
        }
        return pages.create(database, values, connection(config), context);
    }

    @Override
    public boolean repeatSafe(C config) {
        return false;
    }
}
