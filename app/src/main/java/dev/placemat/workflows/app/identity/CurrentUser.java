package dev.placemat.workflows.app.identity;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user of the request being answered. */
@Component
public class CurrentUser {

    public UUID id() {
        PlatformUser user = user();
        return user == null ? null : user.id();
    }

    /** The user's role; {@code null} outside a request. */
    public Role role() {
        PlatformUser user = user();
        return user == null ? null : user.role();
    }

    public String name() {
        PlatformUser user = user();
        return user == null ? "anonymous" : user.username();
    }

    private static PlatformUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof PlatformUser user ? user : null;
    }
}
