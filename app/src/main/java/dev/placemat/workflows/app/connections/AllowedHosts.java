package dev.placemat.workflows.app.connections;

import java.net.IDN;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts an {@code http} connection's credentials may be sent to ({@code allowed_hosts}): exact names
 * ({@code api.example.com}), a name with a port ({@code api.example.com:8443}), or every subdomain of a name
 * ({@code *.example.com}, which does not match {@code example.com} itself). Without a port, any port matches.
 */
record AllowedHosts(List<Entry> entries) {

    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
            + "|\\[[0-9a-f:.]+\\]");

    record Entry(String host, boolean subdomains, int port) {

        boolean matches(String candidate, int candidatePort) {
            if (port >= 0 && port != candidatePort) {
                return false;
            }
            return subdomains ? candidate.endsWith("." + host) : candidate.equals(host);
        }

        @Override
        public String toString() {
            return (subdomains ? "*." : "") + host + (port >= 0 ? ":" + port : "");
        }
    }

    /** The entries of a field's text, or why the text is not a list of hosts. */
    static AllowedHosts parse(String text) {
        List<Entry> entries = new ArrayList<>();
        if (text == null) {
            return new AllowedHosts(entries);
        }
        for (String item : text.split("[,\\s]+")) {
            if (item.isBlank()) {
                continue;
            }
            entries.add(entry(item.strip().toLowerCase(Locale.ROOT)));
        }
        return new AllowedHosts(List.copyOf(entries));
    }

    /** What is wrong with the text of an {@code allowed_hosts} field, for people; empty when it is a list of hosts. */
    static Optional<String> problem(String text) {
        try {
            return parse(text).entries().isEmpty()
                    ? Optional.of("allowed_hosts must name at least one host, such as api.example.com")
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    boolean allows(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String name = normal(host);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return entries.stream().anyMatch(e -> e.matches(name, port));
    }

    @Override
    public String toString() {
        return String.join(", ", entries.stream().map(Entry::toString).toList());
    }

    private static Entry entry(String item) {
        int port = -1;
        String host = item;
        int colon = item.startsWith("[") ? item.indexOf(':', Math.max(0, item.indexOf(']'))) : item.lastIndexOf(':');
        if (colon > 0 && (item.startsWith("[") || item.indexOf(':') == colon)) {
            try {
                port = Integer.parseInt(item.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "' has a port that is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + item + "' has a port outside 1-65535");
            }
            host = item.substring(0, colon);
        }
        boolean subdomains = host.startsWith("*.");
        String name = normal(subdomains ? host.substring(2) : host);
        if (!HOST.matcher((subdomains ? "*." : "") + name).matches()) {
            throw new IllegalArgumentException("'" + item + "' is not a host name; write api.example.com, "
                    + "api.example.com:8443 or *.example.com");
        }
        return new Entry(name, subdomains, port);
    }

    private static String normal(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return h.toLowerCase(Locale.ROOT);
        }
    }
}
