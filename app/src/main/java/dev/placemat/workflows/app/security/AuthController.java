package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.identity.PlatformUser;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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

/**
 * Session sign-in for the designer, with a password or with an API token (with only {@code WORKFLOWS_ADMIN_TOKEN}
 * set, the admin has no password: the token is how a browser signs in). Failed sign-ins are audited and throttled
 * per user and per address ({@link LoginThrottle}); a refused one is audited too ({@code login.throttled}).
 */
@RestController
@RequestMapping("/api/auth")
@RequiredArgsConstructor
public class AuthController {

    /** A sign-in request: {@code username} and {@code password}, or {@code token}. */
    public record Login(String username, String password, String token) {}

    /** Who is signed in. */
    public record SignedIn(String username, String role) {
        static SignedIn of(PlatformUser user) {
            return new SignedIn(user.username(), user.role().id());
        }
    }

    private final AuthenticationManager authentication;
    private final UserRepository users;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    @PostMapping("/login")
    @ApiResponse(responseCode = "200", description = "Signed in: the session cookie is set",
            content = @Content(schema = @Schema(implementation = SignedIn.class)))
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins; see Retry-After")
    public ResponseEntity<?> login(@RequestBody(required = false) Login login, HttpServletRequest request,
            HttpServletResponse response) {
        boolean withToken = login != null && login.token() != null;
        if (login == null || (!withToken && (login.username() == null || login.password() == null))) {
            return problem(HttpStatus.BAD_REQUEST, "Send username and password, or an API token as token.",
                    login == null || login.username() == null ? "username" : "password");
        }
        // a password is guessed per user and from an address, a token from an address
        String address = LoginThrottle.address(request.getRemoteAddr());
        List<String> keys = withToken ? List.of(address) : List.of(LoginThrottle.user(login.username()), address);
        String actor = withToken ? "(token)" : login.username();
        String method = withToken ? "token" : "password";
        long wait = throttle.retryAfterSeconds(keys);
        if (wait > 0) {
            audit.recordAs(actor, "login.throttled", "user", withToken ? null : login.username(),
                    Map.of("method", method, "address", request.getRemoteAddr(), "retry_after_seconds", wait));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins; try again in " + wait + " s.",
                            withToken ? "token" : "password"));
        }
        PlatformUser user = withToken ? byToken(login.token()) : byPassword(login.username(), login.password());
        if (user == null) {
            throttle.failed(keys);
            audit.recordAs(actor, "login.failure", "user", withToken ? null : login.username(),
                    Map.of("method", method, "address", request.getRemoteAddr()));
            return withToken
                    ? problem(HttpStatus.UNAUTHORIZED, "The API token is not valid or was revoked.", "token")
                    : problem(HttpStatus.UNAUTHORIZED, "Wrong username or password.", "password");
        }
        if (!withToken) {
            throttle.forget(LoginThrottle.user(login.username()));
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        audit.recordAs(user.username(), "login.success", "user", user.id(), Map.of("method", method));
        return ResponseEntity.ok(SignedIn.of(user));
    }

    private PlatformUser byToken(String token) {
        return token.isBlank() ? null : users.findByToken(token.strip()).orElse(null);
    }

    private PlatformUser byPassword(String username, String password) {
        try {
            return (PlatformUser) authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, password)).getPrincipal();
        } catch (AuthenticationException e) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String path) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, detail, path));
    }

    private static ProblemDetail body(HttpStatus status, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("errors", java.util.List.of(Map.of("path", path,
                "code", status == HttpStatus.BAD_REQUEST ? "required" : "sign_in", "message", detail)));
        return problem;
    }

    @GetMapping("/me")
    public SignedIn me(@AuthenticationPrincipal PlatformUser user) {
        return SignedIn.of(user);
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
