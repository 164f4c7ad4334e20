package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.errors.ConflictException;
import dev.placemat.workflows.app.errors.InvalidValueException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.identity.PlatformUser;
import dev.placemat.workflows.app.identity.Role;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User management for admins. The platform always keeps at least one admin. */
@Service
@RequiredArgsConstructor
public class UserService {

    static final int MIN_PASSWORD = 12;
    private static final String ROLES = Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "));

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public PlatformUser create(String username, String password, String role) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new InvalidValueException("username",
                    "username is required: 1 to 100 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw new InvalidValueException("password", "password must have " + MIN_PASSWORD + " to 200 characters");
        }
        Role parsed = role(role);
        PlatformUser user = users.create(username, encoder.encode(password), parsed)
                .orElseThrow(() -> new ConflictException("A user named '" + username + "' exists already."));
        audit.record("user.create", "user", user.id(), Map.of("username", username, "role", parsed.id()));
        return user;
    }

    @Transactional
    public PlatformUser changeRole(UUID id, String role) {
        Role parsed = role(role);
        PlatformUser user = get(id);
        if (user.role() == Role.ADMIN && parsed != Role.ADMIN) {
            keepOneAdmin();
        }
        users.changeRole(id, parsed);
        audit.record("user.change_role", "user", id,
                Map.of("username", user.username(), "from", user.role().id(), "to", parsed.id()));
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        PlatformUser user = get(id);
        if (user.role() == Role.ADMIN) {
            keepOneAdmin();
        }
        users.delete(id);
        audit.record("user.delete", "user", id, Map.of("username", user.username()));
    }

    private PlatformUser get(UUID id) {
        return users.find(id).orElseThrow(() -> new NotFoundException("There is no user " + id + "."));
    }

    private void keepOneAdmin() {
        if (users.countAdmins() <= 1) {
            throw new ConflictException("This is the last admin; make another user admin first.");
        }
    }

    private static Role role(String role) {
        try {
            return Role.of(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("role", "role must be one of " + ROLES);
        }
    }
}
