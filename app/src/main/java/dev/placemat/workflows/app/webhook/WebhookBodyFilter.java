package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.app.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A webhook's body, read here before anything else reads it, as the bytes that were sent: at most
 * {@code workflows.webhook.max-body-bytes} (413 past it), {@code Content-Encoding: gzip} decoded within that same
 * bound (a small bomb that inflates to gigabytes answers 413 after that many bytes, never fills memory), any other
 * encoding 415. A {@code charset} in the {@code Content-Type} that Java does not know answers 415 too; known ones,
 * such as ISO-8859-1 or UTF-16, are decoded by {@link WebhookRequest}. Camel's own reading of the body (through a
 * reader in the request's charset, and gzip decoding without a bound) never sees the request as it came.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookBodyFilter extends OncePerRequestFilter {

    /** The request attribute that holds the body as sent, decoded from gzip, at most max-body-bytes long. */
    static final String BODY = WebhookBodyFilter.class.getName() + ".body";
    static final String ENCODING = "Content-Encoding";
    private static final Set<String> GZIP = Set.of("gzip", "x-gzip");
    /** What {@link InputStream#readNBytes(int)} reads into at a time: a body this small is read into its own size. */
    private static final int SMALL_BODY = 8192;

    private final int maxBodyBytes;
    private final ProblemResponses problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String charset = WebhookRequest.charsetName(request.getContentType());
        if (charset != null && !known(charset)) {
            problems.writeInvalid(response, 415, "The body's charset " + charset + " is not known: send UTF-8, or a"
                    + " charset such as ISO-8859-1 or UTF-16.", "webhook_data");
            return;
        }
        String encoding = request.getHeader(ENCODING);
        boolean gzip = encoding != null && GZIP.contains(encoding.strip().toLowerCase(Locale.ROOT));
        if (encoding != null && !gzip && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
            response.setHeader("Accept-Encoding", "gzip");
            problems.writeInvalid(response, 415, "Content-Encoding " + encoding.strip() + " is not supported: send"
                    + " the body as it is, or gzip it.", "webhook_data");
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            problems.writeInvalid(response, 413, tooLarge(), "webhook_data");
            return;
        }
        byte[] body;
        try (InputStream in = gzip ? new GZIPInputStream(request.getInputStream()) : request.getInputStream()) {
            int declared = request.getContentLength();
            body = !gzip && declared >= 0 && declared <= SMALL_BODY ? small(in, declared)
                    : in.readNBytes(maxBodyBytes + 1);
        } catch (ZipException | EOFException e) {
            problems.writeInvalid(response, 400, "The body is not valid gzip.", "webhook_data");
            return;
        }
        if (body.length > maxBodyBytes) {
            problems.writeInvalid(response, 413, tooLarge(), "webhook_data");
            return;
        }
        request.setAttribute(BODY, body);
        chain.doFilter(new ReadWebhookRequest(request, body), response);
    }

    /**
     * A small body of a declared length read into an array of that size, not into an 8 KB chunk then copied (Tomcat
     * reads no further than the declared length). A larger one is read as it comes: an array of the declared size
     * would be allocated before a byte arrived.
     */
    private static byte[] small(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    private String tooLarge() {
        return "The body is larger than " + maxBodyBytes + " bytes (once decoded, when it is gzipped).";
    }

    private static boolean known(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
