package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.secrets.SecretBox;
import dev.placemat.workflows.definition.TriggerSpec;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A webhook's signing secret is write-only: stored sealed (AES-GCM), never shown. A new version keeps the stored
 * secret when it leaves {@code secret} out, and drops it when {@code secret} is null or empty.
 */
@Component
@RequiredArgsConstructor
public class WebhookSecrets {

    private static final String FIELD = "secret";

    private final SecretBox box;

    /** A copy of the definition with its webhook secret sealed, carried over from {@code current}, or removed. */
    public ObjectNode seal(ObjectNode definition, ObjectNode current) {
        if (definition == null) {
            return null;
        }
        ObjectNode copy = definition.deepCopy();
        ObjectNode config = webhookConfig(copy);
        if (config == null) {
            return copy;
        }
        JsonNode given = config.get(FIELD);
        if (given == null) {
            ObjectNode stored = current == null ? null : webhookConfig(current);
            if (stored != null && stored.path(FIELD).isTextual()) {
                config.put(FIELD, stored.get(FIELD).asText());
            }
        } else if (given.isNull() || (given.isTextual() && given.asText().isEmpty())) {
            config.remove(FIELD);
        } else if (given.isTextual()) {
            config.put(FIELD, box.seal(given.asText()));
        }
        return copy;
    }

    /** The plain secret of a deployed webhook trigger, if it has one. */
    public Optional<String> open(TriggerSpec trigger) {
        String sealed = trigger.text(FIELD, null);
        return sealed == null ? Optional.empty() : Optional.of(box.open(sealed));
    }

    /** A copy of the definition without its secret, to show. */
    public static ObjectNode redact(ObjectNode definition) {
        ObjectNode copy = definition.deepCopy();
        ObjectNode config = webhookConfig(copy);
        if (config != null) {
            config.remove(FIELD);
        }
        return copy;
    }

    public static boolean hasSecret(ObjectNode definition) {
        ObjectNode config = webhookConfig(definition);
        return config != null && config.path(FIELD).isTextual();
    }

    private static ObjectNode webhookConfig(ObjectNode definition) {
        JsonNode trigger = definition.get("trigger");
        if (trigger instanceof ObjectNode t && "webhook".equals(t.path("type").asText())
                && t.get("config") instanceof ObjectNode config) {
            return config;
        }
        return null;
    }
}
