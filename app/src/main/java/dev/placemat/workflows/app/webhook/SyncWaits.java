package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.engine.ExecutionResult;
import dev.placemat.workflows.app.engine.Launch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;

/**
 * {@code response_mode: sync}: the webhook waits for its sync executions to end (each up to its
 * {@code sync_timeout_seconds}, else the platform's default) and answers 200 with their results; if one takes
 * longer (or waits durably), it answers 202 with the ids, as an async webhook does. So does it when {@code max-sync-waits} webhooks are
 * waiting already: each waits on a request thread, and a flood of them must not take every thread the API needs.
 */
final class SyncWaits {

    /** A started execution and how long to wait for its end (null: async, no wait). */
    record Started(Launch launch, Duration syncWait) {
        UUID executionId() {
            return launch.executionId();
        }
    }

    private final Duration defaultWait;
    private final Semaphore waiting;
    private final WebhookReplies replies;

    SyncWaits(Duration defaultWait, int maxWaiting, WebhookReplies replies) {
        this.defaultWait = defaultWait;
        this.waiting = new Semaphore(maxWaiting);
        this.replies = replies;
    }

    /** Whether the deployment's webhook answers once its execution ends. */
    static boolean answersInSync(Deployment deployment) {
        return "sync".equals(deployment.definition().trigger().text("response_mode", "async"));
    }

    /** How long the webhook of a deployment that {@linkplain #answersInSync answers in sync} waits for its end. */
    Duration waitOf(Deployment deployment) {
        var seconds = deployment.definition().trigger().config().path("sync_timeout_seconds");
        return seconds.isInt() ? Duration.ofSeconds(seconds.asInt()) : defaultWait;
    }

    void answer(Exchange exchange, List<Started> started) {
        List<UUID> ids = started.stream().map(Started::executionId).toList();
        if (started.stream().allMatch(one -> one.syncWait() == null) || !waiting.tryAcquire()) {
            replies.accepted(exchange, ids);
            return;
        }
        try {
            answerWhenEnded(exchange, ids, started);
        } finally {
            waiting.release();
        }
    }

    private void answerWhenEnded(Exchange exchange, List<UUID> ids, List<Started> started) {
        List<ExecutionResult> results = new ArrayList<>();
        for (Started one : started) {
            if (one.syncWait() == null) {
                continue;
            }
            ExecutionResult result = await(one.launch(), one.syncWait());
            if (result == null || !result.isFinal()) {
                // still running, waiting in the database, or handed to another node: answer as async
                replies.accepted(exchange, ids);
                return;
            }
            results.add(result);
        }
        replies.ended(exchange, ids, results);
    }

    private static ExecutionResult await(Launch launch, Duration wait) {
        try {
            return launch.done().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
