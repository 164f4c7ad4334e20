package dev.placemat.workflows.connectors.http;

import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepFailure;
import java.net.InetAddress;
import java.net.UnknownHostException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only way the outbound HTTP client learns where a host is: the outbound guard resolves the name once and
 * checks every address, and the connection is made to those addresses. There is no second lookup between the check
 * and the connection for a DNS server to answer differently (DNS rebinding). The host name itself still goes into
 * the {@code Host} header and the TLS server name, so virtual hosting and certificate checks are unchanged.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class GuardedDns implements DnsResolver {

    /** The guard refused the host: the step fails with the guard's message. */
    static final class Refused extends UnknownHostException {

        private final transient StepFailure failure;

        Refused(StepFailure failure) {
            super(failure.getMessage());
            this.failure = failure;
        }

        StepFailure failure() {
            return failure;
        }
    }

    private final OutboundGuard guard;

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return guard.resolve(host).toArray(InetAddress[]::new);
        } catch (StepFailure refused) {
            throw new Refused(refused);
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
