package dev.placemat.workflows.connectors.http;

import dev.placemat.workflows.connectors.common.Stages;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.spi.ConnectionTester;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Tests an http connection with a {@code HEAD} of its {@code base_url}, with its credentials when it is one of its allowed hosts. */
public final class HttpConnectionTester implements ConnectionTester {

    private final HttpCaller caller = new HttpCaller();

    @Override
    public String type() {
        return "http";
    }

    @Override
    public CompletionStage<Result> test(String connectionName, StepContext context) throws StepFailure {
        Connections connections = context.services().require(Connections.class);
        Map<String, String> connection = connections.get(connectionName, "http");
        String base = connection.get("base_url");
        if (base == null || base.isBlank()) {
            return CompletableFuture.completedFuture(new Result(false, "not tested: the http connection '"
                    + connectionName + "' has no base_url to call"));
        }
        URI uri = HttpCall.absoluteUri(base, "the base_url of the http connection '" + connectionName + "'");
        connections.checkDestination(connectionName, uri);
        HttpCall call = HttpCall.of("HEAD", uri, Map.of("Authorization", HttpCall.authorization(connection)), null,
                Timeouts.within(Duration.ofSeconds(15), context));
        return Stages.then(caller.send(call, context), answer -> {
            if (answer.status() >= 400) {
                throw answer.failure();
            }
            return new Result(true, "HEAD " + uri.getHost() + " answered " + answer.status() + " "
                    + answer.reason());
        });
    }
}
