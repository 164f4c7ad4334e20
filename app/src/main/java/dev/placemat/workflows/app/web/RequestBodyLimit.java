package dev.placemat.workflows.app.web;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The API's body size limit ({@code workflows.limits.max-api-body-bytes}): a declared length above it is answered
 * 413 at once; a chunked body is cut off when it passes the limit, and {@link ProblemHandler} answers 413. Webhooks
 * have their own limit ({@code workflows.webhook.max-body-bytes}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyLimit extends ApiRequestFilter {

    /** Thrown by the body stream past the limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long max) {
            super("the request body is larger than " + max + " bytes");
        }
    }

    private final long maxBytes;
    private final ProblemResponses problems;

    public RequestBodyLimit(WorkflowsProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.limits().maxApiBodyBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(response, 413, "Payload Too Large", "The request body is larger than " + maxBytes
                    + " bytes (workflows.limits.max-api-body-bytes).");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) {
                    stream = new Limited(super.getInputStream(), maxBytes);
                }
                return stream;
            }
        }, response);
    }

    /** A body stream that fails once more than {@code max} bytes were read. */
    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Limited(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > max) {
                throw new BodyTooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
