package dev.placemat.workflows.connectors.slack;

import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.connectors.http.HttpCall;
import dev.placemat.workflows.spi.ConnectionTester;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Slack incoming webhook has no call that does not post a message, so nothing is sent: the test checks that the
 * webhook URL is an http(s) URL the outbound guard allows, and says that no call was made.
 */
public final class SlackConnectionTester implements ConnectionTester {

    @Override
    public String type() {
        return SlackSendMessageAction.CONNECTION_TYPE;
    }

    @Override
    public CompletionStage<Result> test(String connectionName, StepContext context) throws StepFailure {
        ConnectionFields connection = ConnectionFields.load(context, connectionName,
                SlackSendMessageAction.DEFAULT_CONNECTION, SlackSendMessageAction.CONNECTION_TYPE);
        URI uri = HttpCall.absoluteUri(connection.require("webhook_url"),
                "the webhook_url of the slack connection '" + connection.name() + "'");
        context.services().require(OutboundGuard.class).check(uri);
        return CompletableFuture.completedFuture(new Result(false, "not tested: a Slack incoming webhook offers no "
                + "call that does not post a message; its URL is well-formed and an allowed address (" + uri.getHost()
                + ")"));
    }
}
