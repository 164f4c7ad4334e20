package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.spi.StepFailure;
import java.util.Locale;

/**
 * How an smtp connection secures itself, stated in its {@code tls_mode}: {@code starttls} (upgrade a plain
 * connection, port 587; the send fails when the server does not offer it), {@code tls} (TLS from the first byte,
 * port 465) or {@code none}. Connections saved before {@code tls_mode} existed are read from their {@code ssl} and
 * {@code starttls} flags.
 */
enum TlsMode {
    STARTTLS("smtp", 587),
    TLS("smtps", 465),
    NONE("smtp", 25);

    private final String protocol;
    private final int defaultPort;

    TlsMode(String protocol, int defaultPort) {
        this.protocol = protocol;
        this.defaultPort = defaultPort;
    }

    static TlsMode of(ConnectionFields connection) throws StepFailure {
        String mode = connection.optional("tls_mode", null);
        if (mode == null) {
            if (connection.flag("ssl", false)) {
                return TLS;
            }
            return connection.flag("starttls", true) ? STARTTLS : NONE;
        }
        try {
            return valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw StepFailure.permanent("the smtp connection '" + connection.name() + "' has tls_mode '" + mode
                    + "'; use starttls, tls or none");
        }
    }

    String protocol() {
        return protocol;
    }

    int defaultPort() {
        return defaultPort;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
