package dev.placemat.workflows.connectors.report;

import dev.placemat.workflows.spi.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The report templates shipped as {@code reports/<name>.html}, listed in {@code reports/index.txt}. */
final class ReportTemplates {

    private static final String DIRECTORY = "reports/";

    private final List<String> names;
    private final Map<String, String> sources = new ConcurrentHashMap<>();

    ReportTemplates() {
        this.names = read("index.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    List<String> names() {
        return names;
    }

    String source(String name) throws StepFailure {
        String wanted = name == null ? "" : name.strip();
        if (!names.contains(wanted)) {
            throw StepFailure.permanent("there is no report template '" + wanted + "'; the templates are "
                    + String.join(", ", names));
        }
        return sources.computeIfAbsent(wanted, n -> read(n + ".html"));
    }

    private static String read(String resource) {
        try (InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(DIRECTORY + resource)) {
            if (in == null) {
                throw new IllegalStateException("the connectors jar lacks " + DIRECTORY + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
