package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.identity.PlatformUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session holds the user as of sign-in; this reloads it on every session request, so that a deleted user's
 * session ends and a changed role applies at once (API tokens are looked up on every request anyway).
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionUserRefresh extends OncePerRequestFilter {

    private final UserRepository users;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!ApiTokenFilter.hasBearer(request) && auth != null && auth.getPrincipal() instanceof PlatformUser user) {
            var current = users.find(user.id());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (current.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.get(), null,
                        current.get().getAuthorities()));
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
