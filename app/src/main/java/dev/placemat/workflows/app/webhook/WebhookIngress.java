package dev.placemat.workflows.app.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.RouteControl;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.engine.ExecutionLauncher;
import dev.placemat.workflows.app.engine.Launch;
import dev.placemat.workflows.app.engine.LaunchRefused;
import dev.placemat.workflows.app.workflow.WebhookSecrets;
import dev.placemat.workflows.compiler.IngressCompiler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Accepts webhook requests: checks the signature of every workflow deployed under the webhook id that has a
 * secret (one failure and nothing starts), answers a replayed {@code Idempotency-Key} with the executions of the
 * first request, stores one execution per workflow and answers 202 once the rows are committed, or, for sync
 * workflows, 200 with their results once they end within their wait. It serves every webhook id through one
 * platform-http route, added at startup before the deployed workflows are loaded.
 */
@Component
@Order(5)
public class WebhookIngress implements ApplicationRunner {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final RouteDeployer deployer;
    private final WebhookPaths paths;
    private final RouteControl routes;
    private final ExecutionLauncher launcher;
    private final WebhookSecrets secrets;
    private final WebhookRequests requests;
    private final Duration tolerance;
    private final SyncWaits syncWaits;
    private final SignatureReplays replays;
    private final WebhookRateLimits rateLimits;
    private final WebhookRequest request;
    private final WebhookReplies replies;

    public WebhookIngress(RouteDeployer deployer, WebhookPaths paths, RouteControl routes, ExecutionLauncher launcher,
            WebhookSecrets secrets, WebhookRequests requests, WorkflowsProperties properties,
            SignatureReplays replays, WebhookRateLimits rateLimits, WebhookRequest request, WebhookReplies replies) {
        this.deployer = deployer;
        this.paths = paths;
        this.routes = routes;
        this.launcher = launcher;
        this.secrets = secrets;
        this.requests = requests;
        this.replays = replays;
        this.rateLimits = rateLimits;
        this.request = request;
        this.replies = replies;
        this.tolerance = Duration.ofSeconds(properties.webhook().signatureToleranceSeconds());
        this.syncWaits = new SyncWaits(Duration.ofSeconds(properties.webhook().syncWaitSeconds()),
                properties.webhook().maxSyncWaits(), replies);
    }

    @Override
    public void run(ApplicationArguments args) {
        routes.add(IngressCompiler.webhooks(this::accept), "webhook route");
    }

    private void accept(Exchange exchange) {
        List<Deployment> leased = new ArrayList<>();
        try {
            Message in = exchange.getIn();
            StartsAfterAnswer.Starts starts = StartsAfterAnswer.of(((PlatformHttpMessage) in).getRequest());
            String webhookId = webhookIdOf(in);
            byte[] body = WebhookRequest.body(in);
            paths.workflowsOf(webhookId).forEach(id -> deployer.lease(id).ifPresent(leased::add));
            if (leased.isEmpty()) {
                throw new WebhookRejected(404, "No workflow is deployed under this webhook.", "webhook_id");
            }
            Set<String> hiddenHeaders = verify(leased, in, body);
            rateLimits.acquire(leased);
            // read (or refused with a 400) before its idempotency key is claimed: a refused body pins no key
            ObjectNode triggerData = request.read(webhookId, in, body, hiddenHeaders);
            String key = idempotencyKey(in);
            if (key != null) {
                Optional<List<UUID>> earlier = requests.claim(webhookId, key);
                if (earlier.isPresent()) {
                    replay(exchange, earlier.get());
                    return;
                }
            }
            List<SyncWaits.Started> started;
            try {
                started = launchSigned(leased, in, webhookId, triggerData, starts);
            } catch (WebhookRejected | LaunchRefused refused) {
                if (key != null) {
                    requests.release(webhookId, key); // nothing started: the client's retry with the key may
                }
                throw refused;
            }
            if (key != null) {
                requests.complete(webhookId, key, started.stream().map(SyncWaits.Started::executionId).toList());
            }
            syncWaits.answer(exchange, started);
        } catch (WebhookRejected rejected) {
            replies.rejected(exchange, rejected.status(), rejected.getMessage(), rejected.field(),
                    rejected.retryAfterSeconds());
        } catch (LaunchRefused refused) {
            int status = refused.overWorkflowLimit() ? 429 : 503;
            replies.rejected(exchange, status, refused.getMessage(), null, refused.retryAfterSeconds());
        } finally {
            leased.forEach(Deployment::release);
        }
    }

    /**
     * The last segment of the request's path (the route's pattern matched exactly one segment there), read from the
     * servlet request rather than the path-parameter header, which a request header of the same name could shadow.
     */
    private static String webhookIdOf(Message in) {
        String uri = ((PlatformHttpMessage) in).getRequest().getRequestURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** Checks each signing workflow's signature; returns the headers that carry them, to keep out of the data. */
    private Set<String> verify(List<Deployment> leased, Message in, byte[] body) {
        Set<String> hidden = new HashSet<>();
        Instant now = Instant.now();
        for (Deployment deployment : leased) {
            var trigger = deployment.definition().trigger();
            secrets.open(trigger).ifPresent(secret -> {
                WebhookSignature.verify(secret, trigger, in, body, tolerance, now);
                hidden.addAll(WebhookSignature.headerNames(trigger));
            });
        }
        return hidden;
    }

    /**
     * Claims the request's signatures (where replays are refused) and stores the executions, to start through
     * {@code starts}.
     */
    private List<SyncWaits.Started> launchSigned(List<Deployment> leased, Message in, String webhookId,
            ObjectNode triggerData, Executor starts) {
        List<String> signatures = claimSignatures(leased, in, webhookId);
        try {
            return launchAll(leased, triggerData, starts);
        } catch (LaunchRefused refused) {
            signatures.forEach(signature -> replays.forget(webhookId, signature));
            throw refused;
        }
    }

    /**
     * Records the signatures of the workflows that refuse replays ({@code refuse_replays}); one seen before is a
     * replay: 409, and nothing starts.
     */
    private List<String> claimSignatures(List<Deployment> leased, Message in, String webhookId) {
        List<String> claimed = new ArrayList<>();
        for (Deployment deployment : leased) {
            var trigger = deployment.definition().trigger();
            String signature = WebhookSignature.presented(trigger, in);
            if (!WebhookSignature.refusesReplays(trigger) || signature == null || claimed.contains(signature)
                    || secrets.open(trigger).isEmpty()) {
                continue;
            }
            if (!replays.firstTime(webhookId, signature)) {
                claimed.forEach(earlier -> replays.forget(webhookId, earlier));
                throw new WebhookRejected(409, "This signed request was received before: sign each request anew "
                        + "(a new timestamp gives a new signature).", trigger.text("signature_header",
                        WebhookSignature.SIGNATURE_HEADER));
            }
            claimed.add(signature);
        }
        return claimed;
    }

    private static String idempotencyKey(Message in) {
        String key = in.getHeader("Idempotency-Key", String.class);
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new WebhookRejected(400, "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters.", "Idempotency-Key");
        }
        return key;
    }

    private void replay(Exchange exchange, List<UUID> executionIds) {
        if (executionIds.isEmpty()) {
            throw new WebhookRejected(409, "A request with this Idempotency-Key is still being accepted; "
                    + "retry in a moment.", "Idempotency-Key");
        }
        replies.accepted(exchange, executionIds);
    }

    /**
     * One execution per leased workflow; each lease passes to its execution. If none could be stored the key is
     * freed and the refusal answered (503); if some could, those are the answer.
     */
    private List<SyncWaits.Started> launchAll(List<Deployment> leased, ObjectNode triggerData, Executor starts) {
        List<SyncWaits.Started> launches = new ArrayList<>();
        LaunchRefused refused = null;
        while (!leased.isEmpty()) {
            Deployment deployment = leased.remove(0);
            try {
                if (SyncWaits.answersInSync(deployment)) {
                    // on the engine's threads: this one waits for its end inside Camel's processing of the request,
                    // where a route started here would not run until that wait is over
                    Launch launch = launcher.launch(deployment, triggerData);
                    launches.add(new SyncWaits.Started(launch, syncWaits.waitOf(deployment)));
                } else {
                    launches.add(new SyncWaits.Started(launcher.launch(deployment, triggerData, starts), null));
                }
            } catch (LaunchRefused e) {
                refused = e;
            }
        }
        if (launches.isEmpty() && refused != null) {
            throw refused;
        }
        return launches;
    }
}
