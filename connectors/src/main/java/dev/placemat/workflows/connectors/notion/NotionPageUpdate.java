package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the update actions share: one page of a database changed by its id ({@code PATCH /v1/pages/{id}}), through
 * the step's Notion connection or the default one. Safe to repeat: it sets fields of one page by id, so running it
 * again leaves the page as one run does.
 */
abstract class NotionPageUpdate<C> implements TaskAction<C> {

    private final NotionPages pages = new NotionPages();
    private final NotionDatabase database;
    private final Function<C, String> pageId;
    private final Function<C, Object> updates;
    private final Function<C, String> connection;

    /** The database, and where a config holds the page id, the updates and the connection name. */
    NotionPageUpdate(NotionDatabase database, Function<C, String> pageId, Function<C, Object> updates,
            Function<C, String> connection) {
        this.database = database;
        this.pageId = pageId;
        this.updates = updates;
        this.connection = connection;
    }

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return NotionClient.connectionUse();
    }

    @Override
    public CompletableFuture<ObjectNode> execute(C config, StepContext context) throws StepFailure {
        Object changes = updates.apply(config);
        if (changes == null) {
            throw StepFailure.permanent("updates is empty after templates were resolved");
        }
        return pages.update(database, pageId.apply(config), changes, connection.apply(config), context);
    }

    @Override
    public boolean repeatSafe(C config) {
        return true;
    }
}
