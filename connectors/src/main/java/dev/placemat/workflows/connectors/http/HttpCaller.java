package dev.placemat.workflows.connectors.http;

import dev.placemat.workflows.spi.CamelHeaders;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.support.DefaultExchange;

/**
 * Sends {@link HttpCall}s through camel-http. The URL travels in the {@code CamelHttpUri} header of an exchange this
 * class creates itself, never in an endpoint URI (which Camel would search for property placeholders), and only
 * the call's own headers are on it. Redirects are followed here, each hop checked by the outbound guard.
 */
public final class HttpCaller {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private static final long[] TIMEOUT_BUCKETS_MS = {1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000,
        900_000, 3_600_000, 86_400_000};

    private volatile ProducerTemplate template;

    public HttpAnswer call(HttpCall call, StepContext context) throws StepFailure {
        OutboundGuard guard = context.services().require(OutboundGuard.class);
        URI uri = call.uri();
        String method = call.method();
        String body = call.body();
        for (int hop = 0; ; hop++) {
            guard.check(uri);
            HttpAnswer answer = send(context.camel(), method, uri, call, body);
            String location = answer.headers().get("location");
            if (!call.followRedirects() || !REDIRECTS.contains(answer.status()) || location == null) {
                return answer;
            }
            if (hop >= MAX_REDIRECTS) {
                throw StepFailure.permanent("more than " + MAX_REDIRECTS + " redirects from " + call.uri().getHost());
            }
            uri = uri.resolve(location);
            if (answer.status() == 303 || ((answer.status() == 301 || answer.status() == 302) && "POST".equals(method))) {
                method = "GET";
                body = null;
            }
        }
    }

    private HttpAnswer send(CamelContext camel, String method, URI uri, HttpCall call, String body)
            throws StepFailure {
        Exchange exchange = new DefaultExchange(camel);
        Message in = exchange.getIn();
        call.headersFor(uri).forEach(in::setHeader);
        in.setHeader(Exchange.HTTP_URI, uri.toString());
        in.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(method));
        in.setBody(body);
        long timeoutMs = timeoutBucket(call.timeout().toMillis());
        String endpoint = "http://outbound?throwExceptionOnFailure=false&followRedirects=false"
                + "&connectTimeout=" + timeoutMs + "&responseTimeout=" + timeoutMs
                + "&connectionRequestTimeout=" + timeoutMs + "&useSystemProperties=false";
        Exchange result = template(camel).send(endpoint, exchange);
        if (result.getException() != null) {
            throw failure(uri, result.getException());
        }
        Message out = result.getMessage();
        int status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        return new HttpAnswer(status, responseHeaders(out), bytes(out, uri, call.maxBodyBytes()),
                out.getHeader("Content-Type", String.class));
    }

    /**
     * Client timeouts rounded up to one of a few values: each distinct value is an endpoint (with its own client and
     * connection pool) in the CamelContext, so an exact per-call value would create one per call. The step's own
     * timeout still ends the call on time.
     */
    static long timeoutBucket(long millis) {
        for (long bucket : TIMEOUT_BUCKETS_MS) {
            if (millis <= bucket) {
                return bucket;
            }
        }
        return TIMEOUT_BUCKETS_MS[TIMEOUT_BUCKETS_MS.length - 1];
    }

    private ProducerTemplate template(CamelContext camel) {
        ProducerTemplate t = template;
        if (t == null || t.getCamelContext() != camel) {
            synchronized (this) {
                t = template;
                if (t == null || t.getCamelContext() != camel) {
                    t = camel.createProducerTemplate();
                    template = t;
                }
            }
        }
        return t;
    }

    private static Map<String, String> responseHeaders(Message out) {
        Map<String, String> headers = new LinkedHashMap<>();
        out.getHeaders().forEach((name, value) -> {
            if (!CamelHeaders.isControl(name) && value != null) {
                headers.put(name.toLowerCase(Locale.ROOT), value.toString());
            }
        });
        return headers;
    }

    private static byte[] bytes(Message out, URI uri, int maxBytes) throws StepFailure {
        Object body = out.getBody();
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = out.getBody(InputStream.class)) {
            if (in == null) {
                return out.getBody(byte[].class);
            }
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw StepFailure.permanent("the answer from " + uri.getHost() + " is larger than "
                        + sizeText(maxBytes));
            }
            return data;
        } catch (IOException e) {
            throw StepFailure.transientFailure("reading the answer from " + uri.getHost() + " failed: " + e.getMessage());
        }
    }

    private static String sizeText(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static StepFailure failure(URI uri, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SocketTimeoutException || root.getClass().getSimpleName().contains("Timeout")) {
            return StepFailure.transientFailure("no answer from " + uri.getHost() + " in time");
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return StepFailure.transientFailure("calling " + uri.getHost() + " failed: " + message);
    }
}
