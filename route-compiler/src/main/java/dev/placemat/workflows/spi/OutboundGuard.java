package dev.placemat.workflows.spi;

import java.net.URI;

/**
 * Checks an outbound address before any byte is sent to it (and again for every redirect): it throws
 * {@link StepFailure} with a permanent failure when the address is not allowed.
 */
public interface OutboundGuard {

    void check(URI uri) throws StepFailure;
}
