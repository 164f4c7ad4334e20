package dev.placemat.workflows.connectors.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Templates;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logic-less Mustache for email and report templates. Values are looked up in maps and lists only (JMustache's
 * {@link BasicCollector}, no reflection on Java objects), partials are not loaded, and a missing value renders as
 * empty text. Data goes in as plain maps and lists converted from JSON.
 */
public final class Mustaches {

    private static final ObjectMapper JSON = PlainJson.mapper();
    private static final Mustache.Compiler BASE = Mustache.compiler()
            .withCollector(new BasicCollector() {
                @Override
                public <K, V> Map<K, V> createFetcherCache() {
                    return new ConcurrentHashMap<>();
                }
            })
            .withLoader(name -> {
                throw new MustacheException("partials are not supported ({{> " + name + "}})");
            })
            .withFormatter(Mustaches::format)
            .defaultValue(""); // missing and null values both render as empty text
    private static final Mustache.Compiler TEXT = BASE.escapeHTML(false);
    private static final Mustache.Compiler HTML = BASE.escapeHTML(true);

    private Mustaches() {}

    /** Renders {@code source} without escaping, for subjects and plain text. */
    public static String text(String what, String source, JsonNode data) throws StepFailure {
        return render(TEXT, what, source, data);
    }

    /** Renders {@code source} with every value HTML-escaped. */
    public static String html(String what, String source, JsonNode data) throws StepFailure {
        return render(HTML, what, source, data);
    }

    /** Numbers as people write them ({@code 30000}, never {@code 3E+4}); anything else as its text. */
    private static String format(Object value) {
        if (value instanceof Number number) {
            return Templates.text(JSON.valueToTree(number));
        }
        return String.valueOf(value);
    }

    private static String render(Mustache.Compiler compiler, String what, String source, JsonNode data)
            throws StepFailure {
        if (source == null) {
            return null;
        }
        try {
            Template template = compiler.compile(source);
            return template.execute(JSON.convertValue(data == null ? JSON.createObjectNode() : data, Object.class));
        } catch (MustacheException e) {
            throw StepFailure.permanent("the " + what + " cannot be rendered: " + e.getMessage());
        }
    }
}
