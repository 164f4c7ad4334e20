package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the update actions share: one page of a database changed by its id ({@code PATCH /v1/pages/{id}}), through
 * the step's Notion connection or the default one. Safe to repeat: it sets fields of one page by id, so running it
 * again leaves the page as one run does.
 */
abstract class NotionPageUpdate<C> implements TaskAction<C> {

    private final NotionPages pages = new NotionPages();
    private final NotionDatabase database;

    NotionPageUpdate(NotionDatabase database) {
        this.database = database;
    }

    abstract String pageId(C config);

    abstract Object updates(C config);

    abstract String connection(C config);

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", NotionClient.CONNECTION_TYPE, NotionClient.DEFAULT_CONNECTION));
    }

    @Override
    public CompletableFuture<ObjectNode> execute(C config, StepContext context) throws StepFailure {
        Object updates = updates(config);
        if (updates == null) {
            throw StepFailure.permanent("updates is empty after templates were resolved");
        }
        return pages.update(database, pageId(config), updates, connection(config), context);
    }

    @Override
    public boolean repeatSafe(C config) {
        return true;
    }
}
