package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;

/** Webhook ids: unguessable (192 random bits), assigned by the server when a definition names none. */
public final class WebhookIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookIds() {}

    /**
     * A copy of the definition in which a webhook trigger has an id: the one it names, else {@code current}, else a
     * new one. Anything that is not a JSON object comes back as {@code null} for the validator to reject.
     */
    public static ObjectNode assign(JsonNode json, String current) {
        if (!(json instanceof ObjectNode object)) {
            return null;
        }
        ObjectNode copy = object.deepCopy();
        JsonNode trigger = copy.get("trigger");
        if (trigger instanceof ObjectNode t && "webhook".equals(t.path("type").asText())) {
            JsonNode given = t.get("config");
            if (given != null && !given.isNull() && !given.isObject()) {
                return copy;
            }
            ObjectNode config = given instanceof ObjectNode c ? c : t.putObject("config");
            JsonNode id = config.get("webhook_id");
            if (id == null || id.isNull() || (id.isTextual() && id.asText().isEmpty())) {
                config.put("webhook_id", current != null ? current : generate());
            }
        }
        return copy;
    }

    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
