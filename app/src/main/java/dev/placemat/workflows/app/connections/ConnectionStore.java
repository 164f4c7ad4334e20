package dev.placemat.workflows.app.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.secrets.SecretBox;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.StepFailure;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named credentials, sealed at rest. Steps get a connection's fields decrypted for their own use; the API gets them
 * with secret fields masked. Decrypted connections are cached and dropped on every change.
 */
@Component
@RequiredArgsConstructor
public class ConnectionStore implements Connections {

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};

    /**
     * A connection with its fields decrypted, its owner (null: the admins') and whom it is shared with.
     */
    public record Connection(String name, ConnectionType type, Map<String, String> fields, UUID ownerId,
            Set<String> sharedRoles, Set<UUID> sharedUsers, Instant createdAt, Instant updatedAt) {}

    /** Whom a connection is shared with: roles ({@code editor}) and user ids. */
    public record Sharing(Set<String> roles, Set<UUID> users) {}

    /** Published after a connection is saved or deleted. */
    public record Changed(String name) {}

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final ApplicationEventPublisher events;
    private final ObjectMapper mapper;
    private final Map<String, Optional<Connection>> cache = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> get(String name, String type) throws StepFailure {
        Connection connection = find(name).orElseThrow(() -> StepFailure.permanent(
                "there is no connection named '" + name + "'; create it under /api/connections"));
        if (!connection.type().id().equals(type)) {
            throw StepFailure.permanent("the connection '" + name + "' is a " + connection.type().id()
                    + " connection, not " + type);
        }
        return connection.fields();
    }

    /** Guarded: a connection of a user who is not an admin (or of one no longer there). */
    @Override
    public boolean guarded(String name) {
        return jdbc.sql("SELECT c.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = c.owner_id "
                        + "AND u.role = 'admin') FROM connections c WHERE c.name = :name")
                .param("name", name).query(Boolean.class).optional().orElse(false);
    }

    public Optional<Connection> find(String name) {
        return cache.computeIfAbsent(name, n -> jdbc.sql("SELECT name, type, sealed, owner_id, shared_roles, shared_users, "
                        + "created_at, updated_at FROM connections WHERE name = :name")
                .param("name", n)
                .query((rs, i) -> new Connection(rs.getString("name"), ConnectionType.byId(rs.getString("type")).orElseThrow(),
                        open(rs.getString("sealed")), rs.getObject("owner_id", UUID.class),
                        Set.of((String[]) rs.getArray("shared_roles").getArray()),
                        Set.of((UUID[]) rs.getArray("shared_users").getArray()),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional());
    }

    @Override
    public void checkDestination(String name, URI uri) throws StepFailure {
        Optional<String> refusal = destinationRefusal(name, uri);
        if (refusal.isPresent()) {
            throw StepFailure.permanent(refusal.get() + "; the request was not sent");
        }
    }

    /** Why the named connection's credentials may not go to {@code uri}, for people; empty when they may. */
    public Optional<String> destinationRefusal(String name, URI uri) {
        Connection connection = find(name).orElse(null);
        if (connection == null) {
            return Optional.of("there is no connection named '" + name + "'");
        }
        if (connection.type() != ConnectionType.HTTP) {
            return Optional.empty();
        }
        String text = connection.fields().get(ConnectionType.ALLOWED_HOSTS);
        if (AllowedHosts.problem(text).isPresent()) {
            return Optional.of("the http connection '" + name + "' names no valid allowed_hosts, so its credentials are "
                    + "sent nowhere; its owner or an admin adds the hosts it serves");
        }
        AllowedHosts hosts = AllowedHosts.parse(text);
        if (!hosts.allows(uri)) {
            return Optional.of("the http connection '" + name + "' sends its credentials only to " + hosts + ", not to "
                    + uri.getHost());
        }
        return Optional.empty();
    }

    public List<Connection> all() {
        return jdbc.sql("SELECT name FROM connections ORDER BY name").query(String.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    /** Creates a connection owned by {@code owner}; false when the name is taken. */
    public boolean create(String name, ConnectionType type, Map<String, String> fields, UUID owner, Sharing sharing) {
        boolean created = jdbc.sql("INSERT INTO connections (name, type, sealed, owner_id, shared_roles, shared_users) "
                        + "VALUES (:name, :type, :sealed, :owner, :roles, :users) ON CONFLICT (name) DO NOTHING")
                .param("name", name)
                .param("type", type.id())
                .param("sealed", box.seal(json(withoutNulls(fields))))
                .param("owner", owner)
                .param("roles", sharing.roles().toArray(String[]::new))
                .param("users", sharing.users().toArray(UUID[]::new))
                .update() == 1;
        changed(name);
        return created;
    }

    /**
     * Changes a connection; secret fields left out keep their saved value, and a null {@code sharing} keeps the
     * sharing.
     */
    public Connection update(String name, ConnectionType type, Map<String, String> fields, Sharing sharing) {
        Map<String, String> merged = new LinkedHashMap<>();
        find(name).filter(existing -> existing.type() == type).ifPresent(existing -> existing.fields().forEach((k, v) -> {
            if (type.isSecret(k)) {
                merged.put(k, v);
            }
        }));
        merged.putAll(withoutNulls(fields));
        jdbc.sql("UPDATE connections SET type = :type, sealed = :sealed, updated_at = now(), "
                        + "shared_roles = COALESCE(CAST(:roles AS text[]), shared_roles), "
                        + "shared_users = COALESCE(CAST(:users AS uuid[]), shared_users) "
                        + "WHERE name = :name")
                .param("name", name)
                .param("type", type.id())
                .param("sealed", box.seal(json(merged)))
                .param("roles", sharing == null ? null : sharing.roles().toArray(String[]::new), java.sql.Types.ARRAY)
                .param("users", sharing == null ? null : sharing.users().toArray(UUID[]::new), java.sql.Types.ARRAY)
                .update();
        changed(name);
        return find(name).orElseThrow();
    }

    private static Map<String, String> withoutNulls(Map<String, String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    public void delete(String name) {
        if (jdbc.sql("DELETE FROM connections WHERE name = :name").param("name", name).update() == 0) {
            throw new NotFoundException("There is no connection named '" + name + "'.");
        }
        changed(name);
    }

    private void changed(String name) {
        cache.remove(name);
        events.publishEvent(new Changed(name));
    }

    private Map<String, String> open(String sealed) {
        try {
            return Map.copyOf(mapper.readValue(box.open(sealed), FIELDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored connection cannot be read");
        }
    }

    private String json(Map<String, String> fields) {
        try {
            return mapper.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
