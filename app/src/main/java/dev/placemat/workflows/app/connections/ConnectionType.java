package dev.placemat.workflows.app.connections;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of connection, the fields each takes, and which of them are secret (never shown again once saved). */
public enum ConnectionType {
    NOTION(List.of("token", "projects_database_id", "opportunities_database_id", "base_url"), Set.of("token")),
    SMTP(List.of("host", "port", "username", "password", "from", "tls_mode", "ssl", "starttls"), Set.of("password")),
    SLACK(List.of("webhook_url"), Set.of("webhook_url")),
    DATABASE(List.of("url", "username", "password", "writable", "allow_platform_database"), Set.of("password")),
    HTTP(List.of("allowed_hosts", "base_url", "bearer_token", "username", "password"), Set.of("bearer_token", "password"));

    /** The field of an {@code http} connection listing the hosts its credentials may be sent to. */
    public static final String ALLOWED_HOSTS = "allowed_hosts";
    /** The field of a {@code database} connection that lets it reach the platform's own database (admins only). */
    public static final String ALLOW_PLATFORM_DATABASE = "allow_platform_database";

    private final List<String> fields;
    private final Set<String> secrets;

    ConnectionType(List<String> fields, Set<String> secrets) {
        this.fields = fields;
        this.secrets = secrets;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> fields() {
        return fields;
    }

    public boolean isSecret(String field) {
        return secrets.contains(field);
    }

    public static Optional<ConnectionType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ConnectionType::id).toList());
    }
}
