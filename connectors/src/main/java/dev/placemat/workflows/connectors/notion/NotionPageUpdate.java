package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the update actions share: one page of their database changed by its id ({@code PATCH /v1/pages/{id}}). Safe
 * to repeat: it sets fields of one page by id, so running it again leaves the page as one run does.
 */
abstract class NotionPageUpdate<C> extends NotionPageAction<C> {

    private final Function<C, String> pageId;
    private final Function<C, Object> updates;

    /** The database, and where a config holds the page id, the updates and the connection name. */
    NotionPageUpdate(NotionDatabase database, Function<C, String> pageId, Function<C, Object> updates,
            Function<C, String> connection) {
        super(database, connection);
        this.pageId = pageId;
        this.updates = updates;
    }

    @Override
    public CompletableFuture<ObjectNode> execute(C config, StepContext context) throws StepFailure {
        Object changes = updates.apply(config);
        if (changes == null) {
            throw StepFailure.permanent("updates is empty after templates were resolved");
        }
        return pages.update(database, pageId.apply(config), changes, connection(config), context);
    }

    @Override
    public boolean repeatSafe(C config) {
        return true;
    }
}
