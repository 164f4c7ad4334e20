package dev.placemat.workflows.app.console;

import dev.placemat.workflows.app.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Jolokia takes requests in the URL of a GET too ({@code /jolokia/exec/...}), which a link or an image on another
 * site can make a signed-in admin's browser send. Through GET the console only reads: {@code read}, {@code list},
 * {@code search} and {@code version}; anything else answers 405 and must be a POST (which the CSRF check covers).
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ConsoleReadOnlyGet extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("", "read", "list", "search", "version");

    private final ProblemResponses problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) && !READS.contains(requestType(request))) {
            response.setHeader("Allow", "POST");
            problems.write(response, 405, "Method Not Allowed",
                    "Through GET the console only reads (read, list, search, version); send other requests as POST.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The Jolokia request type: the first segment after {@code /jolokia}, or of the {@code p} parameter. */
    private static String requestType(HttpServletRequest request) {
        String path = request.getParameter("p");
        if (path == null) {
            String uri = request.getRequestURI();
            int at = uri.indexOf("/jolokia");
            path = at < 0 ? "" : uri.substring(at + "/jolokia".length());
        }
        String trimmed = path.replaceFirst("^/+", "");
        int slash = trimmed.indexOf('/');
        return (slash < 0 ? trimmed : trimmed.substring(0, slash)).toLowerCase(Locale.ROOT);
    }
}
