package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.identity.PlatformUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Session sign-in for the designer. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    /** A sign-in request. */
    public record Login(String username, String password) {}

    private final AuthenticationManager authentication;
    private final AuditLog audit;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public AuthController(AuthenticationManager authentication, AuditLog audit) {
        this.authentication = authentication;
        this.audit = audit;
    }

    @PostMapping("/login")
    public ResponseEntity<Map<String, String>> login(@RequestBody Login login, HttpServletRequest request,
            HttpServletResponse response) {
        if (login == null || login.username() == null || login.password() == null) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("detail", "username and password are required"));
        }
        Authentication result;
        try {
            result = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(login.username(), login.password()));
        } catch (AuthenticationException e) {
            audit.recordAs(login.username(), "login.failure", "user", login.username(), Map.of());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("detail", "Wrong username or password."));
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        PlatformUser user = (PlatformUser) result.getPrincipal();
        audit.recordAs(user.username(), "login.success", "user", user.id(), Map.of());
        return ResponseEntity.ok(Map.of("username", user.username(), "role", user.role().id()));
    }

    @GetMapping("/me")
    public Map<String, String> me(@AuthenticationPrincipal PlatformUser user) {
        return Map.of("username", user.username(), "role", user.role().id());
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }
}
