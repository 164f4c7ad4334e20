package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.identity.PlatformUser;
import java.util.List;
import java.util.UUID;
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

/** Users and their roles (admins only, see {@link SecurityConfig}). */
@RestController
@RequestMapping("/api/users")
@RequiredArgsConstructor
public class UserController {

    /** A user to create. */
    public record NewUser(String username, String password, String role) {}

    /** A role change. */
    public record RoleChange(String role) {}

    private final UserService service;
    private final UserRepository users;

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserAccount create(@RequestBody NewUser request) {
        return view(service.create(request.username(), request.password(), request.role()));
    }

    @GetMapping
    public List<UserAccount> list() {
        return users.list();
    }

    @PutMapping("/{id}/role")
    public UserAccount changeRole(@PathVariable UUID id, @RequestBody RoleChange request) {
        return view(service.changeRole(id, request.role()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static UserAccount view(PlatformUser user) {
        return new UserAccount(user.id(), user.username(), user.role().id(), null);
    }
}
