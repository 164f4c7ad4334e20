package dev.placemat.workflows.app.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.placemat.workflows.runtime.StepRecord;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last line of defence for credentials: every secret value of every connection is masked wherever it would
 * reach an execution record (step input, output, error, final context), even when an action or a remote service
 * echoes it back.
 */
@Component
public class SecretRedactor {

    static final String MASK = ConnectionController.MASK;
    private static final int MIN_LENGTH = 6;

    private final ConnectionStore connections;
    private volatile Set<String> secrets = Set.of();

    public SecretRedactor(ConnectionStore connections) {
        this.connections = connections;
    }

    @EventListener({ApplicationReadyEvent.class, ConnectionStore.Changed.class})
    public void reload() {
        Set<String> values = new HashSet<>();
        for (ConnectionStore.Connection c : connections.all()) {
            c.fields().forEach((k, v) -> {
                if (c.type().isSecret(k) && v != null && v.length() >= MIN_LENGTH) {
                    values.add(v);
                }
            });
        }
        secrets = Set.copyOf(values);
    }

    public StepRecord scrub(StepRecord r) {
        if (secrets.isEmpty()) {
            return r;
        }
        return new StepRecord(r.id(), r.executionId(), r.stepKey(), r.iteration(), r.stepNumber(), r.actionType(),
                r.status(), r.attempt(), scrub(r.input()), scrub(r.output()), scrub(r.error()), r.startedAt(),
                r.completedAt());
    }

    public String scrub(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    public <T extends JsonNode> JsonNode scrub(T node) {
        if (node == null || secrets.isEmpty()) {
            return node;
        }
        if (node.isTextual()) {
            String text = node.asText();
            String scrubbed = scrub(text);
            return scrubbed.equals(text) ? node : TextNode.valueOf(scrubbed);
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> out.add(scrub(item)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.set(scrub(f.getKey()), scrub(f.getValue()));
            }
            return out;
        }
        return node;
    }
}
