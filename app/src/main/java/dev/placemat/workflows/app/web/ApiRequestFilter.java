package dev.placemat.workflows.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter for the API's requests and pages: webhooks ({@code /webhooks/...}) never pass through it. */
public abstract class ApiRequestFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/webhooks/");
    }
}
