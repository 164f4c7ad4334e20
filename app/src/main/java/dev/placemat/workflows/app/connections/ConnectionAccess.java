package dev.placemat.workflows.app.connections;

import dev.placemat.workflows.app.identity.CurrentUser;
import dev.placemat.workflows.app.identity.Role;
import java.util.Objects;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who may use a connection in a workflow and who may manage it (docs/adr/0080-connection-scoping.md). Admins use and
 * manage every connection. An editor uses their own, those shared with the {@code editor} role and those shared with
 * them by name, and manages their own. A connection without an owner belongs to the admins.
 */
@Component
@RequiredArgsConstructor
public class ConnectionAccess {

    /** The role a connection can be shared with (admins need no share; viewers build no workflows). */
    static final String EDITOR_ROLE = Role.EDITOR.id();

    private final CurrentUser currentUser;

    /** Whether the user (by id and role) may name the connection in a step. A null role is the platform itself. */
    public static boolean mayUse(ConnectionStore.Connection connection, UUID user, Role role) {
        if (role == null || role == Role.ADMIN) {
            return true;
        }
        if (role != Role.EDITOR) {
            return false;
        }
        return (user != null && Objects.equals(connection.ownerId(), user))
                || connection.sharedRoles().contains(EDITOR_ROLE)
                || connection.sharedUsers().contains(user);
    }

    /** Whether the current user may see the connection's fields, change, share or delete it. */
    boolean mayManage(ConnectionStore.Connection connection) {
        Role role = currentUser.role();
        return role == null || role == Role.ADMIN
                || (connection.ownerId() != null && connection.ownerId().equals(currentUser.id()));
    }

    /** Whether the current user may see that the connection exists (use or manage it). */
    boolean maySee(ConnectionStore.Connection connection) {
        return mayManage(connection) || mayUse(connection, currentUser.id(), currentUser.role());
    }

    boolean isAdmin() {
        Role role = currentUser.role();
        return role == null || role == Role.ADMIN;
    }
}
