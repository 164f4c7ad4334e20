package dev.placemat.workflows.app.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.deploy.IngressRoutes;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.execution.ExecutionLauncher;
import dev.placemat.workflows.app.execution.Launch;
import dev.placemat.workflows.app.execution.LaunchRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Accepts webhook requests: stores one execution per workflow deployed under the webhook id and answers 202 with
 * their ids once the rows are committed. Every answer is written here, with only the headers set here.
 */
@Component
public class WebhookIngress {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouteDeployer deployer;
    private final IngressRoutes ingress;
    private final ExecutionLauncher launcher;
    private final int maxBodyBytes;

    public WebhookIngress(RouteDeployer deployer, IngressRoutes ingress, ExecutionLauncher launcher,
            WorkflowsProperties properties) {
        this.deployer = deployer;
        this.ingress = ingress;
        this.launcher = launcher;
        this.maxBodyBytes = properties.webhook().maxBodyBytes();
    }

    public Processor processorFor(String webhookId) {
        return exchange -> accept(webhookId, exchange);
    }

    private void accept(String webhookId, Exchange exchange) {
        try {
            ObjectNode triggerData = WebhookRequest.read(webhookId, exchange.getIn(), maxBodyBytes);
            List<UUID> started = new ArrayList<>();
            for (UUID workflowId : ingress.workflowsOf(webhookId)) {
                deployer.lease(workflowId).ifPresent(d -> {
                    Launch launch = launcher.launch(d, triggerData);
                    started.add(launch.executionId());
                });
            }
            if (started.isEmpty()) {
                throw new WebhookRejected(404, "No workflow is deployed under this webhook.", "webhook_id");
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("success", true);
            body.put("workflows_triggered", started.size());
            ArrayNode ids = body.putArray("execution_ids");
            started.forEach(id -> ids.add(id.toString()));
            respond(exchange, 202, "application/json", body, null);
        } catch (WebhookRejected rejected) {
            respond(exchange, rejected.status(), "application/problem+json",
                    problem(rejected.status(), rejected.getMessage(), rejected.field()), null);
        } catch (LaunchRefused refused) {
            respond(exchange, refused.status(), "application/problem+json",
                    problem(refused.status(), refused.getMessage(), null), refused.retryAfterSeconds());
        }
    }

    private static ObjectNode problem(int status, String detail, String field) {
        ObjectNode problem = JsonNodeFactory.instance.objectNode();
        problem.put("type", "about:blank");
        problem.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.putArray("errors").addObject().put("path", field).put("code", "invalid").put("message", detail);
        }
        return problem;
    }

    private static void respond(Exchange exchange, int status, String contentType, ObjectNode body, Integer retryAfter) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        if (retryAfter != null) {
            out.setHeader("Retry-After", retryAfter.toString());
        }
        try {
            out.setBody(JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
