package dev.placemat.workflows.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * A {@code Content-Security-Policy} on every answer but webhooks', by what it serves:
 * <ul>
 * <li>the API, actuator and every JSON answer: nothing may load or run ({@code default-src 'none'}), no framing;</li>
 * <li>the console (Hawtio), whose pages come with inline scripts and styles: those, but only from this origin;</li>
 * <li>the designer and Swagger UI: scripts only from this origin (no inline script); {@code 'unsafe-eval'} because
 * the forms' JSON Schema validator (Ajv) compiles schemas to functions; inline styles for the canvas.</li>
 * </ul>
 * No policy allows another origin, objects, or a {@code <base>} elsewhere.
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String CONSOLE = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    static final String DESIGNER = "default-src 'self'; script-src 'self' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(HEADER)) {
            response.setHeader(HEADER, policy(request.getRequestURI().substring(request.getContextPath().length())));
        }
    }

    static String policy(String path) {
        if (path.startsWith("/actuator/hawtio")) {
            return CONSOLE;
        }
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")
                || path.startsWith("/webhooks/")) {
            return API;
        }
        return DESIGNER;
    }
}
