package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.spi.ConnectionTester;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Tests an smtp connection: connect with its TLS mode, EHLO, sign in when it has a username, hang up. */
public final class SmtpConnectionTester implements ConnectionTester {

    private final SmtpSender sender = new SmtpSender();

    @Override
    public String type() {
        return SmtpSender.CONNECTION_TYPE;
    }

    @Override
    public CompletionStage<Result> test(String connectionName, StepContext context) throws StepFailure {
        return CompletableFuture.completedFuture(new Result(true, sender.probe(connectionName, context)));
    }
}
