package dev.placemat.workflows.app.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.placemat.workflows.runtime.StepRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what is secret in an execution record, and masks it as {@value #MASK} before a row is
 * written (step input, output, error, final context; trigger data at the webhook; log messages):
 * <ul>
 *   <li>every secret value of every connection, and the {@code Basic} credentials an http connection's username and
 *       password make, wherever they appear, even echoed back by a remote service;</li>
 *   <li>the values of fields, headers and query parameters with a credential's name ({@code Authorization},
 *       {@code Cookie}, {@code Set-Cookie}, {@code X-Api-Key}, {@code access_token}, {@code signature}...), at any
 *       depth of JSON;</li>
 *   <li>in text: {@code Bearer}/{@code Basic} credentials, such query parameters inside URLs, and header lines
 *       ({@code Authorization: ...}).</li>
 * </ul>
 * Only records are masked: the running workflow still gets the values it needs.
 */
@Component
@RequiredArgsConstructor
public class SecretRedactor {

    public static final String MASK = ConnectionController.MASK;
    private static final int MIN_LENGTH = 6;

    /** Names (lower case, '-' read as '_') whose values are credentials. */
    static final Set<String> SECRET_NAMES = Set.of("authorization", "proxy_authorization", "cookie",
            "set_cookie", "x_api_key", "api_key", "apikey", "x_auth_token", "x_access_token", "access_token",
            "auth_token", "token", "refresh_token", "id_token", "client_secret", "secret", "password", "passwd",
            "signature", "sig", "x_webhook_signature", "x_hub_signature", "x_hub_signature_256",
            "x_amz_signature", "x_amz_credential", "x_amz_security_token");
    private static final int SHORTEST_NAME = SECRET_NAMES.stream().mapToInt(String::length).min().orElseThrow();
    private static final int LONGEST_NAME = SECRET_NAMES.stream().mapToInt(String::length).max().orElseThrow();
    /** The first letters of the names: most names that are not one are told apart by their length and first letter. */
    private static final String FIRST_LETTERS = SECRET_NAMES.stream().map(n -> n.substring(0, 1)).distinct()
            .reduce("", String::concat);

    private final ConnectionStore connections;
    private volatile Set<String> secrets = Set.of();

    /** Whether a field, header or query parameter of this name holds a credential. */
    public static boolean isSecretName(String name) {
        if (name == null || name.length() < SHORTEST_NAME || name.length() > LONGEST_NAME
                || FIRST_LETTERS.indexOf(Character.toLowerCase(name.charAt(0))) < 0) {
            return false;
        }
        return SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT).replace('-', '_'));
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
            String user = c.fields().get("username");
            if (c.type() == ConnectionType.HTTP && user != null) {
                values.add(Base64.getEncoder().encodeToString((user + ":" + c.fields().getOrDefault("password", ""))
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
        secrets = Set.copyOf(values);
        LogMasking.use(this);
    }

    public StepRecord scrub(StepRecord r) {
        JsonNode input = scrub(r.input());
        JsonNode output = scrub(r.output());
        String error = scrub(r.error());
        if (input == r.input() && output == r.output() && Objects.equals(error, r.error())) {
            return r;
        }
        return new StepRecord(r.id(), r.executionId(), r.stepKey(), r.iteration(), r.stepNumber(), r.actionType(),
                r.status(), r.attempt(), input, output, error, r.startedAt(), r.completedAt());
    }

    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return CredentialText.mask(out);
    }

    /** The node with secrets masked: the same instance when it holds none (records are not copied for nothing). */
    public <T extends JsonNode> JsonNode scrub(T node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.asText();
            String scrubbed = scrub(text);
            return scrubbed.equals(text) ? node : TextNode.valueOf(scrubbed);
        }
        if (node.isArray()) {
            ArrayNode out = null;
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                JsonNode scrubbed = scrub(item);
                if (scrubbed != item && out == null) {
                    out = JsonNodeFactory.instance.arrayNode(node.size());
                    for (int j = 0; j < i; j++) {
                        out.add(node.get(j));
                    }
                }
                if (out != null) {
                    out.add(scrubbed);
                }
            }
            return out == null ? node : out;
        }
        if (node.isObject()) {
            return scrubObject(node);
        }
        return node;
    }

    private JsonNode scrubObject(JsonNode node) {
        ObjectNode out = null;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        int index = 0;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode value = f.getValue();
            boolean secretName = isSecretName(f.getKey()) && value.isValueNode() && !value.isNull();
            JsonNode scrubbed = secretName ? TextNode.valueOf(MASK) : scrub(value);
            String key = scrub(f.getKey());
            if (out == null && (scrubbed != value || !key.equals(f.getKey()))) {
                out = JsonNodeFactory.instance.objectNode();
                Iterator<Map.Entry<String, JsonNode>> before = node.fields();
                for (int i = 0; i < index; i++) {
                    Map.Entry<String, JsonNode> kept = before.next();
                    out.set(kept.getKey(), kept.getValue());
                }
            }
            if (out != null) {
                out.set(key, scrubbed);
            }
            index++;
        }
        return out == null ? node : out;
    }
}
