package dev.placemat.workflows.app.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.engine.ExecutionResult;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Every answer a webhook gives, written with only the headers set here. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookReplies {

    private static final Pattern STEP = Pattern.compile("step_(\\d+)");

    private final ObjectMapper json;

    /** 202: the executions are stored and will run. */
    void accepted(Exchange exchange, List<UUID> executionIds) {
        respond(exchange, 202, "application/json", started(executionIds), null);
    }

    /** 200: every sync execution ended; each with its status, error, last step's output and final context. */
    void ended(Exchange exchange, List<UUID> executionIds, List<ExecutionResult> results) {
        ObjectNode body = started(executionIds);
        ArrayNode list = body.putArray("results");
        boolean allCompleted = true;
        for (ExecutionResult result : results) {
            allCompleted &= "completed".equals(result.status());
            ObjectNode item = list.addObject();
            item.put("execution_id", result.executionId().toString());
            item.put("status", result.status());
            item.put("error", result.error());
            item.set("output", lastStepOutput(result.context()));
            item.set("context", result.context());
        }
        body.put("success", allCompleted);
        respond(exchange, 200, "application/json", body, null);
    }

    void rejected(Exchange exchange, int status, String detail, String field, Integer retryAfter) {
        ObjectNode problem = JsonNodeFactory.instance.objectNode();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.putArray("errors").addObject().put("path", field).put("code", "invalid").put("message", detail);
        }
        respond(exchange, status, "application/problem+json", problem, retryAfter);
    }

    private static ObjectNode started(List<UUID> executionIds) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("success", true);
        body.put("workflows_triggered", executionIds.size());
        ArrayNode ids = body.putArray("execution_ids");
        executionIds.forEach(id -> ids.add(id.toString()));
        return body;
    }

    /** The output of the highest-numbered top-level step that ran, or null. */
    static JsonNode lastStepOutput(ObjectNode context) {
        JsonNode last = JsonNodeFactory.instance.nullNode();
        int highest = -1;
        for (Iterator<String> names = context.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Matcher m = STEP.matcher(name);
            if (m.matches() && Integer.parseInt(m.group(1)) > highest) {
                highest = Integer.parseInt(m.group(1));
                last = context.get(name);
            }
        }
        return last;
    }

    private void respond(Exchange exchange, int status, String contentType, ObjectNode body, Integer retryAfter) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        // a short answer known in full: sent with its Content-Length in one write, not chunked
        out.setHeader(Exchange.HTTP_CHUNKED, false);
        if (retryAfter != null) {
            out.setHeader("Retry-After", retryAfter.toString());
        }
        try {
            out.setBody(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
