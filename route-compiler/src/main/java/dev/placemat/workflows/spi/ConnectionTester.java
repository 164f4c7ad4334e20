package dev.placemat.workflows.spi;

import java.util.concurrent.CompletionStage;

/**
 * Tests a kind of connection with one harmless call (Notion: its bot user; SMTP: connect and EHLO; a database:
 * {@code select 1}). Implementations are found through {@link java.util.ServiceLoader}, one per connection type, one
 * line in {@code META-INF/services/dev.placemat.workflows.spi.ConnectionTester}.
 */
public interface ConnectionTester {

    /** What a test found: whether a call was made at all, and a sentence for people. */
    record Result(boolean tested, String message) {}

    /** The connection type this tests ({@code notion}, {@code smtp}, ...). */
    String type();

    /**
     * Makes the call with the named connection, as a step would (outbound guard, the context's time limit). The stage
     * fails with a {@link StepFailure} carrying the service's error when the connection does not work.
     */
    CompletionStage<Result> test(String connectionName, StepContext context) throws StepFailure;
}
