package dev.placemat.workflows.app.connections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.errors.ForbiddenException;
import dev.placemat.workflows.validation.AddressCheck;
import dev.placemat.workflows.validation.Errors;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the body of a connection's creation or change: name, type, fields (by type) and sharing. Every
 * error comes back at once (422 with its path); what only admins may do is refused with 403.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ConnectionRequests {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    /** The connections actions use when a step names none: an editor's connection must not stand in for them. */
    private static final Set<String> RESERVED_NAMES = Set.of("notion", "smtp", "slack");

    /** A checked request: the fields to store, and the sharing (null: keep it). */
    record Change(ConnectionType type, Map<String, String> fields, ConnectionStore.Sharing sharing) {

        ConnectionStore.Sharing sharingOrNone() {
            return sharing == null ? new ConnectionStore.Sharing(Set.of(), Set.of()) : sharing;
        }
    }

    private final ConnectionAccess access;
    private final ConnectionDataSources databases;
    private final ConnectionUsers users;
    private final AddressCheck addresses;

    /** @param existing the connection being changed, or null for a new one */
    Change read(String name, JsonNode body, ConnectionStore.Connection existing) {
        Errors errors = new Errors();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add("name", "invalid_name", "name must be 1 to 100 letters, digits, '.', '-' or '_'");
        } else if (existing == null && !access.isAdmin() && RESERVED_NAMES.contains(name)) {
            errors.add("name", "reserved_name", "'" + name + "' is the connection actions use by default; only an "
                    + "admin creates it. Choose another name and name it in your steps.");
        }
        String typeId = body == null ? null : body.path("type").asText(null);
        ConnectionType type = typeId == null ? null : ConnectionType.byId(typeId).orElse(null);
        if (type == null) {
            errors.add("type", typeId == null ? "required" : "unknown_type", "type must be one of " + ConnectionType.ids());
        }
        Map<String, String> fields = fields(body == null ? null : body.get("fields"), type, errors);
        if (type != null) {
            checkByType(type, fields, errors);
            if (!access.isAdmin()) {
                checkAddresses(type, fields, errors);
            }
        }
        ConnectionStore.Sharing sharing = sharing(body == null ? null : body.get("shared_with"), errors);
        errors.throwIfAny();
        return new Change(type, fields, sharing);
    }

    private static Map<String, String> fields(JsonNode given, ConnectionType type, Errors errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (given != null && !given.isNull() && !given.isObject()) {
            errors.add("fields", "type", "fields must be an object");
        } else if (given != null && type != null) {
            given.fields().forEachRemaining(f -> {
                if (!type.fields().contains(f.getKey())) {
                    errors.add("fields." + f.getKey(), "unknown_field", f.getKey() + " is not a field of a " + type.id()
                            + " connection; use " + String.join(", ", type.fields()));
                } else if (f.getValue().isContainerNode()) {
                    errors.add("fields." + f.getKey(), "type", f.getKey() + " must be text, a number or true/false");
                } else if (!f.getValue().isNull() && !ConnectionController.MASK.equals(f.getValue().asText())) {
                    fields.put(f.getKey(), f.getValue().asText());
                }
            });
        }
        return fields;
    }

    private void checkByType(ConnectionType type, Map<String, String> fields, Errors errors) {
        if (type == ConnectionType.HTTP) {
            AllowedHosts.problem(fields.get(ConnectionType.ALLOWED_HOSTS)).ifPresent(problem ->
                    errors.add("fields." + ConnectionType.ALLOWED_HOSTS, "invalid_hosts", problem
                            + "; the connection's credentials are sent only to these hosts"));
        }
        if (type == ConnectionType.DATABASE) {
            boolean platformAllowed = Boolean.parseBoolean(fields.get(ConnectionType.ALLOW_PLATFORM_DATABASE));
            if (platformAllowed && !access.isAdmin()) {
                throw new ForbiddenException("Only an admin may let a connection reach the platform's own database "
                        + "(allow_platform_database).");
            }
            String url = fields.get("url");
            Optional<String> problem = DatabaseUrl.problem(url);
            if (url != null && problem.isPresent()) {
                errors.add("fields.url", problem.get().contains("parameter") ? "url_parameter_not_allowed"
                        : "invalid_url", problem.get());
            } else if (url != null && !platformAllowed && databases.leadsToPlatform(url)) {
                errors.add("fields.url", "platform_database", "url leads to the platform's own database; steps may "
                        + "not reach it unless an admin sets allow_platform_database to true");
            }
        }
    }

    /**
     * An editor's connection reaches only what outbound steps may reach: the hosts of its server fields pass the
     * outbound guard's judgement (no internal addresses or names unless WORKFLOWS_OUTBOUND_ALLOW lists them).
     * Admins' connections may lead inside (a company's database or mail server).
     */
    private void checkAddresses(ConnectionType type, Map<String, String> fields, Errors errors) {
        Map<String, String> servers = new LinkedHashMap<>();
        switch (type) {
            case SMTP -> servers.put("host", fields.get("host") == null ? null : "http://" + fields.get("host") + "/");
            case DATABASE -> servers.put("url", fields.get("url") == null || DatabaseUrl.problem(fields.get("url"))
                    .isPresent() ? null : "http://" + DatabaseUrl.of(fields.get("url")).host() + "/");
            case NOTION -> servers.put("base_url", fields.get("base_url"));
            case SLACK -> servers.put("webhook_url", fields.get("webhook_url"));
            default -> { }
        }
        servers.forEach((field, address) -> {
            if (address == null) {
                return;
            }
            Optional<String> refusal;
            try {
                refusal = addresses.refusal(URI.create(address.strip()));
            } catch (IllegalArgumentException e) {
                refusal = Optional.of(field + " is not a valid address");
            }
            refusal.ifPresent(why -> errors.add("fields." + field, "address_not_allowed", why));
        });
    }

    private ConnectionStore.Sharing sharing(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("shared_with", "type", "shared_with must be an object: {\"roles\": [\"editor\"], \"users\": "
                    + "[\"alice\"]}");
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        texts(node.get("roles"), "shared_with.roles", errors).forEach((path, role) -> {
            if (ConnectionAccess.EDITOR_ROLE.equals(role)) {
                roles.add(role);
            } else {
                errors.add(path, "unknown_role", "a connection is shared with the role editor (admins use every "
                        + "connection, viewers build no workflows), not '" + role + "'");
            }
        });
        Set<UUID> ids = new LinkedHashSet<>();
        texts(node.get("users"), "shared_with.users", errors).forEach((path, username) -> {
            users.idOf(username).ifPresentOrElse(ids::add,
                    () -> errors.add(path, "unknown_user", "there is no user named '" + username + "'"));
        });
        return new ConnectionStore.Sharing(roles, ids);
    }

    private static Map<String, String> texts(JsonNode list, String path, Errors errors) {
        Map<String, String> out = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            errors.add(path, "type", path + " must be a list of names");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isTextual()) {
                out.put(path + "[" + i + "]", list.get(i).asText());
            } else {
                errors.add(path + "[" + i + "]", "type", "each entry must be a name");
            }
        }
        return out;
    }
}
