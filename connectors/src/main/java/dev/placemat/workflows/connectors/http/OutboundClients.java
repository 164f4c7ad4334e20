package dev.placemat.workflows.connectors.http;

import dev.placemat.workflows.spi.OutboundGuard;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The asynchronous HTTP clients of one CamelContext, one per outbound guard (the platform has one): created on first
 * use, shared by every outbound call (http.request, Notion, Slack, files, analytics), closed with the context. Each
 * has a sized connection pool, an I/O reactor with as many threads as cores, and resolves names only through its
 * guard ({@link GuardedDns}). Redirects, retries, cookies and authentication caching are off: redirects are followed
 * by {@link HttpCaller}, each hop checked; retries are the step's own.
 */
final class OutboundClients extends ServiceSupport {

    static final int MAX_CONNECTIONS = 512;
    static final int MAX_CONNECTIONS_PER_ROUTE = 128;
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);

    private final Map<OutboundGuard, CloseableHttpAsyncClient> clients = new ConcurrentHashMap<>();

    /** The client of {@code camel} that resolves through {@code guard}. */
    static CloseableHttpAsyncClient of(CamelContext camel, OutboundGuard guard) {
        OutboundClients clients = camel.hasService(OutboundClients.class);
        if (clients == null) {
            synchronized (camel) {
                clients = camel.hasService(OutboundClients.class);
                if (clients == null) {
                    clients = new OutboundClients();
                    try {
                        camel.addService(clients, true, true);
                    } catch (Exception e) {
                        throw new IllegalStateException("the outbound HTTP client cannot start", e);
                    }
                }
            }
        }
        return clients.clients.computeIfAbsent(guard, OutboundClients::start);
    }

    private static CloseableHttpAsyncClient start(OutboundGuard guard) {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDns(guard))
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(CONNECT_TIMEOUT)
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(10))
                                .build())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Runtime.getRuntime().availableProcessors()))
                        .build())
                .setUserAgent("Placemat-Workflows")
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.ofSeconds(60))
                .build();
        client.start();
        return client;
    }

    @Override
    protected void doStop() {
        clients.values().forEach(client -> client.close(CloseMode.GRACEFUL));
        clients.clear();
    }
}
