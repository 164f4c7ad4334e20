package dev.placemat.workflows.app.connections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.errors.ConflictException;
import dev.placemat.workflows.app.errors.ForbiddenException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.identity.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
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
 * {@code /api/connections} (admins and editors): named credentials with an owner and sharing. Secret fields are
 * write-only: answers show them as {@value #MASK}, and a change that leaves one out keeps the saved value. Users see
 * the connections they may use or manage; the fields only of those they manage.
 */
@RestController
@RequestMapping("/api/connections")
@RequiredArgsConstructor
public class ConnectionController {

    static final String MASK = "********";

    private final ConnectionStore store;
    private final ConnectionAccess access;
    private final ConnectionRequests requests;
    private final ConnectionViews views;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ConnectionTests tests;

    @GetMapping
    public List<ConnectionView> list() {
        return store.all().stream().filter(access::maySee).map(views::of).toList();
    }

    @GetMapping("/{name}")
    public ConnectionView get(@PathVariable String name) {
        return views.of(visible(name));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ConnectionView create(@RequestBody JsonNode body) {
        String name = body == null ? null : body.path("name").asText(null);
        ConnectionRequests.Change change = requests.read(name, body, null);
        if (!store.create(name, change.type(), change.fields(), currentUser.id(), change.sharingOrNone())) {
            throw new ConflictException("A connection named '" + name + "' exists already; choose another name.");
        }
        return saved(name, change);
    }

    /** Changes a connection (its owner or an admin), or creates it, owned by the caller, when there is none. */
    @PutMapping("/{name}")
    public ConnectionView update(@PathVariable String name, @RequestBody JsonNode body) {
        ConnectionStore.Connection existing = store.find(name).orElse(null);
        if (existing != null && !access.mayManage(existing)) {
            throw forbidden(existing);
        }
        ConnectionRequests.Change change = requests.read(name, body, existing);
        if (existing == null) {
            if (!store.create(name, change.type(), change.fields(), currentUser.id(), change.sharingOrNone())) {
                throw new ConflictException("A connection named '" + name + "' was created meanwhile; try again.");
            }
        } else {
            store.update(name, change.type(), change.fields(), change.sharing());
        }
        return saved(name, change);
    }

    /** A harmless call with the connection (by those who may use it): {@code {name, type, ok, tested, message}}. */
    @PostMapping("/{name}/test")
    public ConnectionTestResult test(@PathVariable String name) {
        ConnectionStore.Connection connection = visible(name);
        if (!ConnectionAccess.mayUse(connection, currentUser.id(), currentUser.role())) {
            throw new ForbiddenException("The connection '" + name + "' is not shared with you; only those who may "
                    + "use it can test it.");
        }
        ConnectionTestResult result = tests.test(name);
        audit.record("connection.test", "connection", name, Map.of("ok", result.ok()));
        return result;
    }

    @DeleteMapping("/{name}")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        ConnectionStore.Connection existing = visible(name);
        if (!access.mayManage(existing)) {
            throw forbidden(existing);
        }
        store.delete(name);
        audit.record("connection.delete", "connection", name);
        return ResponseEntity.noContent().build();
    }

    private ConnectionView saved(String name, ConnectionRequests.Change change) {
        ConnectionStore.Connection connection = store.find(name).orElseThrow();
        // the names of the fields changed and the sharing, never a value
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", change.type().id());
        detail.put("fields", change.fields().keySet());
        detail.put("shared_with", views.sharing(connection));
        audit.record("connection.save", "connection", name, detail);
        return views.of(connection);
    }

    private ConnectionStore.Connection visible(String name) {
        return store.find(name).filter(access::maySee)
                .orElseThrow(() -> new NotFoundException("There is no connection named '" + name + "'."));
    }

    private static ForbiddenException forbidden(ConnectionStore.Connection connection) {
        return new ForbiddenException("The connection '" + connection.name() + "' belongs to another user; only its "
                + "owner or an admin can change or delete it.");
    }
}
