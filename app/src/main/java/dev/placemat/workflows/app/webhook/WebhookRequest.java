package dev.placemat.workflows.app.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.config.JsonNumbers;
import dev.placemat.workflows.app.connections.SecretRedactor;
import dev.placemat.workflows.spi.CamelHeaders;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

/**
 * Turns a webhook request into trigger data: {@code webhook_data} (the parsed JSON body, form fields, or raw text),
 * {@code headers} and {@code query}. Camel's own headers, and headers that carry credentials, are left out: they
 * are neither workflow data nor ever passed on. So is the route's path parameter, which Camel adds as a header.
 * Query parameters and form fields with a credential's name ({@link SecretRedactor#isSecretName}) are kept with
 * their value masked. A JSON body is read with the application's ObjectMapper, nested at most {@link #MAX_DEPTH}
 * levels deep and with nothing after its value.
 */
@Component
class WebhookRequest {

    static final int MAX_DEPTH = 64;
    private static final String PATH_PARAMETER = "webhookid";

    private final ObjectReader json;

    WebhookRequest(ObjectMapper mapper) {
        ObjectMapper bodies = mapper.copy();
        bodies.getFactory().setStreamReadConstraints(bodies.getFactory().streamReadConstraints().rebuild()
                .maxNestingDepth(MAX_DEPTH).build());
        this.json = bodies.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The body as sent, decoded from gzip (signatures are computed over it): {@link WebhookBodyFilter} read it. */
    static byte[] body(Message in) {
        return (byte[]) ((PlatformHttpMessage) in).getRequest().getAttribute(WebhookBodyFilter.BODY);
    }

    /**
     * @param body          the raw body, from {@link #body}
     * @param hiddenHeaders further headers (lower case) to leave out, such as a workflow's own signature header
     */
    ObjectNode read(String webhookId, Message in, byte[] body, Set<String> hiddenHeaders) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ObjectNode trigger = data.putObject("trigger");
        trigger.put("type", "webhook");
        trigger.put("webhook_id", webhookId);
        String contentType = in.getHeader("Content-Type", "", String.class);
        data.set("webhook_data", body(body, contentType.toLowerCase(Locale.ROOT), charset(contentType)));
        data.set("headers", headers(in.getHeaders(), hiddenHeaders));
        data.set("query", query(in.getHeader(Exchange.HTTP_QUERY, String.class), StandardCharsets.UTF_8));
        return data;
    }

    /** The {@code charset} parameter of a Content-Type as sent, or null when there is none. */
    static String charsetName(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String p = parameter.strip();
                if (p.regionMatches(true, 0, "charset=", 0, "charset=".length())) {
                    return p.substring("charset=".length()).replace("\"", "").strip();
                }
            }
        }
        return null;
    }

    /** UTF-8 unless the request names another charset ({@link WebhookBodyFilter} refused unknown ones). */
    private static Charset charset(String contentType) {
        String name = charsetName(contentType);
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    }

    private JsonNode body(byte[] body, String contentType, Charset charset) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (contentType.contains("json")) {
            try {
                JsonNode tree = StandardCharsets.UTF_8.equals(charset) ? json.readTree(body)
                        : json.readTree(new String(body, charset));
                JsonNumbers.tooLong(tree, "webhook_data").ifPresent(path -> {
                    throw new WebhookRejected(400, JsonNumbers.refusal(path), path);
                });
                return tree;
            } catch (StreamConstraintsException e) {
                throw new WebhookRejected(400, "The JSON body is nested more than " + MAX_DEPTH + " levels deep.",
                        "webhook_data");
            } catch (JsonProcessingException e) {
                throw new WebhookRejected(400, "The body is not valid JSON: " + e.getOriginalMessage(),
                        "webhook_data");
            } catch (IOException e) {
                throw new WebhookRejected(400, "The body cannot be read.", "webhook_data");
            }
        }
        String text = new String(body, charset);
        if (contentType.contains("application/x-www-form-urlencoded")) {
            return query(text, charset);
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    private static ObjectNode headers(Map<String, Object> headers, Set<String> hidden) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (value != null && !CamelHeaders.isControl(lower) && !SecretRedactor.isSecretName(lower) && !hidden.contains(lower)
                    && !PATH_PARAMETER.equals(lower)) {
                out.put(lower, value.toString());
            }
        });
        return out;
    }

    /** Query strings and form bodies (percent-escapes in their charset): repeated names keep their last value. */
    private static ObjectNode query(String raw, Charset charset) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            if (!CamelHeaders.isControl(name)) {
                out.put(name, SecretRedactor.isSecretName(name) ? SecretRedactor.MASK : value);
            }
        }
        return out;
    }

    private static String decode(String s, Charset charset) {
        try {
            return URLDecoder.decode(s, charset);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
