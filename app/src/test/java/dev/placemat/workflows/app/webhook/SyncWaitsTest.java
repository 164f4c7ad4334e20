package dev.placemat.workflows.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.placemat.workflows.app.engine.ExecutionResult;
import dev.placemat.workflows.app.engine.Launch;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Sync webhooks wait on request threads: past the bound, they answer 202 at once instead of waiting. */
class SyncWaitsTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void answers202AtOnceWhenTheBoundOfWaitingWebhooksIsReached() throws Exception {
        SyncWaits waits = new SyncWaits(Duration.ofSeconds(30), 1, new WebhookReplies(new ObjectMapper()));
        CompletableFuture<ExecutionResult> slow = new CompletableFuture<>();
        Exchange first = new DefaultExchange(camel);
        CompletableFuture<Void> firstAnswered = CompletableFuture.runAsync(() -> waits.answer(first,
                List.of(new SyncWaits.Started(new Launch(UUID.randomUUID(), slow), Duration.ofSeconds(30)))));
        // An execution that has ended already is answered 200 while a wait is free, and 202 once the first webhook
        // holds the only one.
        await().atMost(Duration.ofSeconds(5)).until(() -> answerOf(waits, ended()) == 202);
        assertThat(firstAnswered).isNotDone();

        slow.complete(ended().join());
        firstAnswered.get(5, TimeUnit.SECONDS);
        assertThat(first.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(answerOf(waits, ended())).isEqualTo(200);
    }

    private int answerOf(SyncWaits waits, CompletableFuture<ExecutionResult> done) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        waits.answer(exchange, List.of(new SyncWaits.Started(new Launch(UUID.randomUUID(), done),
                Duration.ofSeconds(30))));
        assertThat(new ObjectMapper().readTree(exchange.getMessage().getBody(byte[].class)).get("execution_ids"))
                .hasSize(1);
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static CompletableFuture<ExecutionResult> ended() {
        return CompletableFuture.completedFuture(new ExecutionResult(UUID.randomUUID(), "completed", null,
                JsonNodeFactory.instance.objectNode(), null));
    }
}
