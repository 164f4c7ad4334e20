package dev.placemat.workflows.app.connections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.validation.Errors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/connections} (admins): named credentials. Secret fields are write-only: answers show them as
 * {@value #MASK}, and a change that leaves one out keeps the saved value.
 */
@RestController
@RequestMapping("/api/connections")
public class ConnectionController {

    static final String MASK = "********";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final ConnectionStore store;
    private final AuditLog audit;
    private final ConnectionTests tests;

    public ConnectionController(ConnectionStore store, AuditLog audit, ConnectionTests tests) {
        this.store = store;
        this.audit = audit;
        this.tests = tests;
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        return store.all().stream().map(ConnectionController::view).toList();
    }

    @GetMapping("/{name}")
    public Map<String, Object> get(@PathVariable String name) {
        return store.find(name).map(ConnectionController::view)
                .orElseThrow(() -> new NotFoundException("There is no connection named '" + name + "'."));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@RequestBody JsonNode body) {
        String name = body == null ? null : body.path("name").asText(null);
        return save(name, body);
    }

    @PutMapping("/{name}")
    public Map<String, Object> update(@PathVariable String name, @RequestBody JsonNode body) {
        return save(name, body);
    }

    /** A harmless call with the connection: {@code {name, type, ok, tested, message}}. */
    @PostMapping("/{name}/test")
    public Map<String, Object> test(@PathVariable String name) {
        Map<String, Object> result = tests.test(name);
        audit.record("connection.test", "connection", name, Map.of("ok", result.get("ok")));
        return result;
    }

    @DeleteMapping("/{name}")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        store.delete(name);
        audit.record("connection.delete", "connection", name);
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> save(String name, JsonNode body) {
        Errors errors = new Errors();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add("name", "invalid_name", "name must be 1 to 100 letters, digits, '.', '-' or '_'");
        }
        String typeId = body == null ? null : body.path("type").asText(null);
        ConnectionType type = typeId == null ? null : ConnectionType.byId(typeId).orElse(null);
        if (type == null) {
            errors.add("type", typeId == null ? "required" : "unknown_type", "type must be one of " + ConnectionType.ids());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode given = body == null ? null : body.get("fields");
        if (given != null && !given.isObject()) {
            errors.add("fields", "type", "fields must be an object");
        } else if (given != null && type != null) {
            given.fields().forEachRemaining(f -> {
                if (!type.fields().contains(f.getKey())) {
                    errors.add("fields." + f.getKey(), "unknown_field", f.getKey() + " is not a field of a " + type.id()
                            + " connection; use " + String.join(", ", type.fields()));
                } else if (f.getValue().isContainerNode()) {
                    errors.add("fields." + f.getKey(), "type", f.getKey() + " must be text, a number or true/false");
                } else if (!f.getValue().isNull() && !MASK.equals(f.getValue().asText())) {
                    fields.put(f.getKey(), f.getValue().asText());
                }
            });
        }
        if (type == ConnectionType.DATABASE && fields.containsKey("url")
                && !fields.get("url").startsWith("jdbc:postgresql://")) {
            errors.add("fields.url", "invalid_url", "url must be a jdbc:postgresql:// URL");
        }
        errors.throwIfAny();
        Map<String, Object> saved = view(store.save(name, type, fields));
        // the names of the fields changed, never their values
        audit.record("connection.save", "connection", name, Map.of("type", type.id(), "fields", fields.keySet()));
        return saved;
    }

    static Map<String, Object> view(ConnectionStore.Connection connection) {
        Map<String, String> fields = new LinkedHashMap<>();
        connection.fields().forEach((k, v) -> fields.put(k, connection.type().isSecret(k) ? MASK : v));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", connection.name());
        view.put("type", connection.type().id());
        view.put("fields", fields);
        return view;
    }
}
