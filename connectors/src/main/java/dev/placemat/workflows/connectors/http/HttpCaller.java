package dev.placemat.workflows.connectors.http;

import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends {@link HttpCall}s through the shared asynchronous client of the CamelContext ({@link OutboundClients}): no
 * thread waits for the answer. Every call carries the step's {@code Idempotency-Key}, so that a service honouring it
 * drops a repeated call. Redirects are followed here, each hop's host resolved and checked by the outbound guard
 * when its connection opens; credentials are not sent on to another origin. Giving the step up aborts the exchange.
 */
public final class HttpCaller {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection", "host");

    /** Sends {@code call}; the stage fails with a {@link StepFailure}, or is cancelled when the step is given up. */
    public CompletableFuture<HttpAnswer> send(HttpCall call, StepContext context) {
        OutboundGuard guard = context.services().require(OutboundGuard.class);
        CloseableHttpAsyncClient client = OutboundClients.of(context.camel(), guard);
        Exchange exchange = new Exchange(client, call, headers(call, context));
        context.onCancel(() -> exchange.result.cancel(true));
        exchange.hop(call.uri(), call.method(), call.body(), 0);
        return exchange.result;
    }

    private static Map<String, String> headers(HttpCall call, StepContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        call.headers().forEach((name, value) -> {
            if (!FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        });
        if (headers.keySet().stream().noneMatch("idempotency-key"::equalsIgnoreCase)) {
            headers.put("Idempotency-Key", context.idempotencyKey());
        }
        return headers;
    }

    /** One call and its redirects; {@link #result} completes with the last answer. */
    private static final class Exchange {

        private final CloseableHttpAsyncClient client;
        private final HttpCall call;
        private final Map<String, String> headers;
        private final CompletableFuture<HttpAnswer> result = new CompletableFuture<>();
        private final AtomicReference<Future<?>> inFlight = new AtomicReference<>();

        Exchange(CloseableHttpAsyncClient client, HttpCall call, Map<String, String> headers) {
            this.client = client;
            this.call = call;
            this.headers = headers;
            // a timer of its own: orTimeout drops its scheduled task once the timer is completed with the result
            CompletableFuture<Void> deadline = new CompletableFuture<>();
            deadline.orTimeout(Math.max(1, call.timeout().toMillis()), TimeUnit.MILLISECONDS).whenComplete(
                    (done, late) -> {
                        if (late != null) {
                            result.completeExceptionally(StepFailure.transientFailure("no answer from "
                                    + call.uri().getHost() + " in time (" + call.timeout().toMillis() + " ms)"));
                        }
                    });
            result.whenComplete((answer, failure) -> {
                deadline.complete(null);
                Future<?> pending = inFlight.get();
                if (failure != null && pending != null) {
                    pending.cancel(true);
                }
            });
        }

        void hop(URI uri, String method, String body, int hop) {
            if (result.isDone()) {
                return;
            }
            if (!isHttp(uri)) {
                result.completeExceptionally(StepFailure.permanent("a redirect from " + call.uri().getHost()
                        + " leads to a URL that is not http or https"));
                return;
            }
            HttpClientContext context = HttpClientContext.create();
            Timeout timeout = Timeout.ofMilliseconds(Math.max(1, call.timeout().toMillis()));
            context.setRequestConfig(RequestConfig.custom()
                    .setResponseTimeout(timeout)
                    .setConnectionRequestTimeout(timeout)
                    .build());
            Future<?> sent = client.execute(request(uri, method, body, hop), new BasicResponseConsumer<>(
                    new BoundedBody(call.maxBodyBytes())), context, new FutureCallback<Message<HttpResponse, byte[]>>() {
                        @Override
                        public void completed(Message<HttpResponse, byte[]> message) {
                            answered(uri, method, body, hop, answer(uri, message));
                        }

                        @Override
                        public void failed(Exception e) {
                            result.completeExceptionally(OutboundFailures.of(uri, e));
                        }

                        @Override
                        public void cancelled() {
                            result.cancel(true);
                        }
                    });
            inFlight.set(sent);
            if (result.isDone()) {
                sent.cancel(true);
            }
        }

        private org.apache.hc.core5.http.nio.AsyncRequestProducer request(URI uri, String method, String body,
                int hop) {
            AsyncRequestBuilder request = AsyncRequestBuilder.create(method).setUri(uri);
            boolean sameOrigin = hop == 0 || sameOrigin(uri, call.uri());
            String contentType = null;
            for (Map.Entry<String, String> header : headers.entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("content-type")) {
                    contentType = header.getValue();
                } else if (sameOrigin || !CREDENTIALS.contains(name)) {
                    request.addHeader(header.getKey(), header.getValue());
                }
            }
            if (body != null) {
                request.setEntity(body, contentType == null ? ContentType.TEXT_PLAIN.withCharset("UTF-8")
                        : ContentType.parse(contentType));
            }
            return request.build();
        }

        private void answered(URI uri, String method, String body, int hop, HttpAnswer answer) {
            String location = answer.headers().get("location");
            if (!call.followRedirects() || !REDIRECTS.contains(answer.status()) || location == null) {
                result.complete(answer);
                return;
            }
            if (hop >= MAX_REDIRECTS) {
                result.completeExceptionally(StepFailure.permanent("more than " + MAX_REDIRECTS + " redirects from "
                        + call.uri().getHost()));
                return;
            }
            URI next;
            try {
                next = uri.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                result.completeExceptionally(StepFailure.permanent("a redirect from " + uri.getHost()
                        + " gives a Location that is not a URL"));
                return;
            }
            boolean toGet = answer.status() == 303 || ((answer.status() == 301 || answer.status() == 302)
                    && "POST".equals(method));
            hop(next, toGet ? "GET" : method, toGet ? null : body, hop + 1);
        }
    }

    private static HttpAnswer answer(URI uri, Message<HttpResponse, byte[]> message) {
        HttpResponse response = message.getHead();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.merge(header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        byte[] body = message.getBody() == null ? new byte[0] : message.getBody();
        String reason = response.getReasonPhrase() == null || response.getReasonPhrase().isBlank()
                ? EnglishReasonPhraseCatalog.INSTANCE.getReason(response.getCode(), Locale.ENGLISH)
                : response.getReasonPhrase();
        return new HttpAnswer(response.getCode(), reason, headers, body,
                headers.get("content-type"), uri.getHost());
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
