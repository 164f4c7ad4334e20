package dev.placemat.workflows.spi;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * Checks an outbound address before any byte is sent to it (and again for every redirect): it throws
 * {@link StepFailure} with a permanent failure when the address is not allowed.
 *
 * <p>Code that opens connections itself resolves host names through {@link #resolve} and connects to the addresses
 * it returns and to no others: a second lookup could answer differently (DNS rebinding) and reach an address that
 * was never checked.
 */
public interface OutboundGuard {

    /** Checks the URL's scheme and host, and every address its host resolves to. */
    void check(URI uri) throws StepFailure;

    /**
     * Resolves {@code host} (a name or an address literal) once and checks every address it resolves to; a
     * connection to {@code host} uses these addresses only.
     */
    List<InetAddress> resolve(String host) throws StepFailure;
}
