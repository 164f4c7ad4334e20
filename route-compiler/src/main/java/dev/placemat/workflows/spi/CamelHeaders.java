package dev.placemat.workflows.spi;

import java.util.Locale;

/**
 * Camel reads headers named {@code Camel*} or {@code org.apache.camel*} as instructions (CVE-2025-27636). Such names
 * never come from outside: not from requests, records or definitions, nor back from answers.
 */
public final class CamelHeaders {

    private CamelHeaders() {}

    public static boolean isControl(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("camel") || lower.startsWith("org.apache.camel");
    }
}
