package dev.placemat.workflows.connectors.notion;

import dev.placemat.workflows.spi.ConnectionTester;
import dev.placemat.workflows.spi.StepContext;
import java.util.concurrent.CompletionStage;

/** Tests a notion connection by retrieving its integration's bot user ({@code GET /v1/users/me}). */
public final class NotionConnectionTester implements ConnectionTester {

    private final NotionPages pages = new NotionPages();

    @Override
    public String type() {
        return NotionClient.CONNECTION_TYPE;
    }

    @Override
    public CompletionStage<Result> test(String connectionName, StepContext context) {
        return pages.botUser(connectionName, context).thenApply(user -> new Result(true,
                "Notion knows the token: it belongs to the integration '" + user.path("name").asText("?") + "'"));
    }
}
