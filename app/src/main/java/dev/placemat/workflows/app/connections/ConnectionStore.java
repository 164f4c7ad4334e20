package dev.placemat.workflows.app.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.secrets.SecretBox;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.StepFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named credentials, sealed at rest. Steps get a connection's fields decrypted for their own use; the API gets them
 * with secret fields masked. Decrypted connections are cached and dropped on every change.
 */
@Component
public class ConnectionStore implements Connections {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};

    /** A connection with its fields decrypted. */
    public record Connection(String name, ConnectionType type, Map<String, String> fields) {}

    /** Published after a connection is saved or deleted. */
    public record Changed(String name) {}

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final ApplicationEventPublisher events;
    private final Map<String, Optional<Connection>> cache = new ConcurrentHashMap<>();

    public ConnectionStore(JdbcClient jdbc, SecretBox box, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.box = box;
        this.events = events;
    }

    @Override
    public Map<String, String> get(String name, String type) throws StepFailure {
        Connection connection = find(name).orElseThrow(() -> StepFailure.permanent(
                "there is no connection named '" + name + "'; an admin creates it under /api/connections"));
        if (!connection.type().id().equals(type)) {
            throw StepFailure.permanent("the connection '" + name + "' is a " + connection.type().id()
                    + " connection, not " + type);
        }
        return connection.fields();
    }

    public Optional<Connection> find(String name) {
        return cache.computeIfAbsent(name, n -> jdbc.sql("SELECT name, type, sealed FROM connections WHERE name = :name")
                .param("name", n)
                .query((rs, i) -> new Connection(rs.getString("name"), ConnectionType.byId(rs.getString("type")).orElseThrow(),
                        open(rs.getString("sealed"))))
                .optional());
    }

    public List<Connection> all() {
        return jdbc.sql("SELECT name FROM connections ORDER BY name").query(String.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    /** Creates or replaces a connection; secret fields left out keep their saved value. */
    public Connection save(String name, ConnectionType type, Map<String, String> fields) {
        Map<String, String> merged = new LinkedHashMap<>();
        find(name).filter(existing -> existing.type() == type).ifPresent(existing -> existing.fields().forEach((k, v) -> {
            if (type.isSecret(k)) {
                merged.put(k, v);
            }
        }));
        fields.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        jdbc.sql("INSERT INTO connections (name, type, sealed) VALUES (:name, :type, :sealed) ON CONFLICT (name) "
                        + "DO UPDATE SET type = EXCLUDED.type, sealed = EXCLUDED.sealed, updated_at = now()")
                .param("name", name)
                .param("type", type.id())
                .param("sealed", box.seal(json(merged)))
                .update();
        changed(name);
        return find(name).orElseThrow();
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
            return Map.copyOf(JSON.readValue(box.open(sealed), FIELDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored connection cannot be read");
        }
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
