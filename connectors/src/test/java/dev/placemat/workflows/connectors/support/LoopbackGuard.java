package dev.placemat.workflows.connectors.support;

import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepFailure;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Allows only the loopback ports of the stub servers under test, and records every address it was asked about. */
public final class LoopbackGuard implements OutboundGuard {

    private final Set<Integer> ports;
    private final List<URI> checked = new ArrayList<>();

    public LoopbackGuard(Integer... ports) {
        this.ports = Set.of(ports);
    }

    @Override
    public synchronized void check(URI uri) throws StepFailure {
        checked.add(uri);
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (!loopback || !ports.contains(uri.getPort())) {
            throw StepFailure.permanent("the address " + uri + " is not allowed");
        }
    }

    public synchronized List<URI> checked() {
        return List.copyOf(checked);
    }
}
