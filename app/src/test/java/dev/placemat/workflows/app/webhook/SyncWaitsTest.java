package dev.placemat.workflows.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.placemat.workflows.app.execution.ExecutionResult;
import dev.placemat.workflows.app.execution.Launch;
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
        SyncWaits waits = new SyncWaits(Duration.ofSeconds(30), 1);
        CompletableFuture<ExecutionResult> slow = new CompletableFuture<>();
        Exchange first = new DefaultExchange(camel);
        CompletableFuture<Void> firstAnswered = CompletableFuture.runAsync(() -> waits.answer(first,
                List.of(new SyncWaits.Started(new Launch(UUID.randomUUID(), slow), Duration.ofSeconds(30)))));
        Thread.sleep(200);
        assertThat(firstAnswered).isNotDone();

        UUID secondId = UUID.randomUUID();
        Exchange second = new DefaultExchange(camel);
        waits.answer(second, List.of(new SyncWaits.Started(new Launch(secondId, new CompletableFuture<>()),
                Duration.ofSeconds(30))));
        assertThat(second.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(202);
        assertThat(new ObjectMapper().readTree(second.getMessage().getBody(byte[].class)).get("execution_ids")
                .get(0).asText()).isEqualTo(secondId.toString());

        slow.complete(new ExecutionResult(UUID.randomUUID(), "completed", null, JsonNodeFactory.instance.objectNode()));
        firstAnswered.get(5, TimeUnit.SECONDS);
        assertThat(first.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
    }
}
