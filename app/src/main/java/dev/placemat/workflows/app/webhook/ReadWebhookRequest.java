package dev.placemat.workflows.app.webhook;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A webhook request after {@link WebhookBodyFilter} read its body: it claims no encoding any more, and gives the
 * body to Camel, which reads it again (that reading is not used: {@link WebhookRequest} takes the bytes from
 * {@link WebhookBodyFilter#BODY}).
 */
final class ReadWebhookRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadWebhookRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public String getHeader(String name) {
        if (WebhookBodyFilter.ENCODING.equalsIgnoreCase(name)) {
            return null;
        }
        return "content-length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        return value == null ? Collections.emptyEnumeration() : "content-length".equalsIgnoreCase(name)
                ? Collections.enumeration(List.of(value)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
            String name = all.nextElement();
            if (!WebhookBodyFilter.ENCODING.equalsIgnoreCase(name)) {
                names.add(name);
            }
        }
        return Collections.enumeration(names);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    /** The body as text, in a buffer no larger than the body (a reader's and its decoder's 8 KB each are not needed). */
    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new StringReader(new String(body, StandardCharsets.ISO_8859_1)),
                Math.max(1, Math.min(body.length, 8192)));
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the decoded body is read synchronously");
            }
        };
    }
}
