package dev.placemat.workflows.app.connections;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * A connection as the API shows it: owner and sharing by username, secret fields masked as {@code ********}, and no
 * fields at all for a user who may use the connection but not manage it ({@code can_manage} false).
 */
public record ConnectionView(String name, String type, @Nullable String owner, SharedWith sharedWith,
        Map<String, String> fields, boolean canManage, Instant createdAt, Instant updatedAt) {

    /** The roles and the users (by username) a connection is shared with. */
    public record SharedWith(List<String> roles, List<String> users) {}
}
