package dev.placemat.workflows.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.OutboundUrl;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Save-time check of the {@link OutboundUrl} fields of a step's config: what is written out literally must be an
 * absolute http or https URL that the {@link AddressCheck} accepts. In {@code https://{{step_1.host}}/x} nothing can
 * be judged but the scheme; in {@code http://169.254.169.254/{{step_1.path}}} the host is literal and is judged.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class LiteralUrls {

    /** A scheme, and the authority when it ends before the first template. */
    private static final Pattern PREFIX = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(//([^/?#]*)[/?#])?");
    private static final Map<Class<?>, List<String>> FIELDS = new ConcurrentHashMap<>();

    private final AddressCheck addresses;

    void check(Class<?> configType, JsonNode config, String path, Errors errors) {
        for (String field : fieldsOf(configType)) {
            JsonNode value = config.get(field);
            if (value != null && value.isTextual()) {
                check(value.asText().strip(), path + "." + field, errors);
            }
        }
    }

    private void check(String url, String path, Errors errors) {
        int template = url.indexOf("{{");
        String literal = template < 0 ? url : url.substring(0, template);
        Matcher prefix = PREFIX.matcher(literal);
        if (!prefix.find()) {
            if (template < 0 || !literal.isEmpty()) {
                errors.add(path, "url", "must be an absolute http or https URL, such as https://api.example.com/items");
            }
            return;
        }
        String scheme = prefix.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add(path, "address_refused", "only http and https addresses may be called, not " + scheme + ":");
            return;
        }
        if (template >= 0 && prefix.group(2) == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI(template < 0 ? url : scheme + "://" + prefix.group(3) + "/");
        } catch (URISyntaxException e) {
            errors.add(path, "url", "is not a valid URL: " + e.getReason());
            return;
        }
        if (uri.getHost() == null) {
            errors.add(path, "url", "must be an absolute http or https URL with a host, such as https://api.example.com");
            return;
        }
        addresses.refusal(uri).ifPresent(reason -> errors.add(path, "address_refused", reason));
    }

    private static List<String> fieldsOf(Class<?> configType) {
        return FIELDS.computeIfAbsent(configType, type -> {
            List<String> fields = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    if (c.isAnnotationPresent(OutboundUrl.class)) {
                        fields.add(ConfigMapper.snakeCase(c.getName()));
                    }
                }
            }
            return List.copyOf(fields);
        });
    }
}
