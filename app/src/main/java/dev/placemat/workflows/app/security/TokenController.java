package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.errors.InvalidValueException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.identity.PlatformUser;
import dev.placemat.workflows.app.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens for automation. Every signed-in user manages their own tokens (a token acts with its owner's role);
 * admins see and revoke everyone's. The secret is in the creation answer only.
 */
@RestController
@RequestMapping("/api/tokens")
@RequiredArgsConstructor
public class TokenController {

    /** A token to create. */
    public record NewToken(String name) {}

    private final TokenRepository tokens;
    private final AuditLog audit;

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ApiToken create(@RequestBody(required = false) NewToken request,
            @AuthenticationPrincipal PlatformUser user) {
        String name = request == null ? null : request.name();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidValueException("name",
                    "name is required: up to 100 characters saying what the token is for");
        }
        ApiToken token = tokens.create(user.id(), name.strip());
        audit.record("token.create", "token", token.id(), Map.of("name", name.strip()));
        return token;
    }

    @GetMapping
    public List<ApiToken> list(@AuthenticationPrincipal PlatformUser user) {
        return tokens.list(user.role() == Role.ADMIN ? null : user.id());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal PlatformUser user) {
        ApiToken token = tokens.find(id)
                .filter(t -> user.role() == Role.ADMIN || user.id().equals(t.userId()))
                .orElseThrow(() -> new NotFoundException("There is no token " + id + " of yours."));
        if (tokens.revoke(id)) {
            audit.record("token.revoke", "token", id, Map.of("name", token.name()));
        }
        return ResponseEntity.noContent().build();
    }
}
