package dev.placemat.workflows.connectors.notion;

import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.TaskAction;
import java.util.Optional;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What the Notion page actions share: they write a page of one of the design's databases through the step's Notion
 * connection (its {@code connection} field) or the default one.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
abstract class NotionPageAction<C> implements TaskAction<C> {

    final NotionPages pages = new NotionPages();
    final NotionDatabase database;
    private final Function<C, String> connection;

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", NotionClient.CONNECTION_TYPE, NotionClient.DEFAULT_CONNECTION));
    }

    /** The name of the connection {@code config} gives, or null for the default one. */
    String connection(C config) {
        return connection.apply(config);
    }
}
