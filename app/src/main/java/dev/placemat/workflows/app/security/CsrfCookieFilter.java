package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.web.ApiRequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Loads the deferred CSRF token on every request, so that the {@code XSRF-TOKEN} cookie reaches the designer.
 * Webhooks never carry a session: they need no token and get no cookie.
 */
class CsrfCookieFilter extends ApiRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
