package dev.placemat.workflows.app.connections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Connections as the API shows them: owner and sharing by username, secret fields masked, and no fields at all for
 * a user who may use the connection but not manage it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ConnectionViews {

    private final ConnectionAccess access;
    private final ConnectionUsers users;

    ConnectionView of(ConnectionStore.Connection connection) {
        boolean manage = access.mayManage(connection);
        Map<String, String> fields = new LinkedHashMap<>();
        if (manage) {
            connection.fields().forEach((k, v) -> fields.put(k, connection.type().isSecret(k)
                    ? ConnectionController.MASK : v));
        }
        String owner = connection.ownerId() == null ? null : users.nameOf(connection.ownerId()).orElse(null);
        return new ConnectionView(connection.name(), connection.type().id(), owner, sharing(connection), fields, manage,
                connection.createdAt(), connection.updatedAt());
    }

    ConnectionView.SharedWith sharing(ConnectionStore.Connection connection) {
        List<String> names = connection.sharedUsers().stream()
                .map(users::nameOf)
                .flatMap(Optional::stream)
                .sorted()
                .toList();
        return new ConnectionView.SharedWith(connection.sharedRoles().stream().sorted().toList(), names);
    }
}
