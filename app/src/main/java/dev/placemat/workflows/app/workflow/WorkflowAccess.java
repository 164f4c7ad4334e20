package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.errors.ForbiddenException;
import dev.placemat.workflows.app.errors.InvalidValueException;
import dev.placemat.workflows.app.identity.CurrentUser;
import dev.placemat.workflows.app.identity.Role;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who may change a workflow: admins any; editors their own and those whose author shares them ({@code "shared":
 * true} in the definition body, which only the author or an admin may set). Viewers change none (they never get
 * this far: the API refuses them first).
 */
@Component
@RequiredArgsConstructor
public class WorkflowAccess {

    private final CurrentUser currentUser;

    /** Refuses (403) a change, deploy or run of a workflow the current user may not change. */
    public void checkChange(WorkflowRow row) {
        if (!mayChange(row)) {
            throw new ForbiddenException("The workflow '" + row.name() + "' belongs to another user and is not "
                    + "shared; its author or an admin can share it.");
        }
    }

    /** The sharing asked for in a definition body ({@code shared}), checked; empty when the body does not say. */
    public Optional<Boolean> sharing(JsonNode body, WorkflowRow current) {
        JsonNode shared = body == null ? null : body.get("shared");
        if (shared == null || shared.isNull()) {
            return Optional.empty();
        }
        if (!shared.isBoolean()) {
            throw new InvalidValueException("shared", "shared must be true or false");
        }
        if (current != null && current.shared() != shared.asBoolean() && !isAuthorOrAdmin(current)) {
            throw new ForbiddenException("Only the author of '" + current.name() + "' or an admin can change whether "
                    + "it is shared.");
        }
        return Optional.of(shared.asBoolean());
    }

    /** The definition without the {@code shared} flag, which is kept beside it, not in it. */
    static ObjectNode withoutSharing(ObjectNode definition) {
        if (definition != null) {
            definition.remove("shared");
        }
        return definition;
    }

    /** Whether the current user may change, deploy and run the workflow (and so see its webhook URL). */
    public boolean mayChange(WorkflowRow row) {
        return isAuthorOrAdmin(row) || (row.shared() && currentUser.role() == Role.EDITOR);
    }

    /** Whether the current user is an admin (or the platform itself, outside a request). */
    boolean isAdmin() {
        Role role = currentUser.role();
        return role == null || role == Role.ADMIN;
    }

    private boolean isAuthorOrAdmin(WorkflowRow row) {
        Role role = currentUser.role();
        return role == null || role == Role.ADMIN || Objects.equals(row.createdBy(), currentUser.id());
    }
}
