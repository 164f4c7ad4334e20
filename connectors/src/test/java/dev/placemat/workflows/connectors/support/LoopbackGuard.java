package dev.placemat.workflows.connectors.support;

import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepFailure;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allows only loopback: {@link #check} the loopback ports of the stub servers under test, {@link #resolve} the
 * loopback names (and names given to {@link #naming}, which no DNS server knows); a guard given no port allows
 * nothing. Records every URL and host it was asked about.
 */
public final class LoopbackGuard implements OutboundGuard {

    private final Set<Integer> ports;
    private final Map<String, InetAddress> names = new HashMap<>();
    private final List<URI> checked = new ArrayList<>();
    private final List<String> resolved = new ArrayList<>();

    public LoopbackGuard(Integer... ports) {
        this.ports = Set.of(ports);
    }

    /** Resolves {@code host} to the loopback address, as a DNS answer only this guard gives. */
    public LoopbackGuard naming(String host) {
        names.put(host, InetAddress.getLoopbackAddress());
        return this;
    }

    @Override
    public synchronized void check(URI uri) throws StepFailure {
        checked.add(uri);
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (!loopback || !ports.contains(uri.getPort())) {
            throw StepFailure.permanent("the address " + uri + " is not allowed");
        }
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws StepFailure {
        resolved.add(host);
        if (names.containsKey(host)) {
            return List.of(names.get(host));
        }
        if (ports.isEmpty() || (!host.equals("127.0.0.1") && !host.equals("localhost"))) {
            throw StepFailure.permanent("the host " + host + " is not allowed");
        }
        try {
            return List.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            throw StepFailure.transientFailure("the host " + host + " cannot be resolved");
        }
    }

    public synchronized List<URI> checked() {
        return List.copyOf(checked);
    }

    public synchronized List<String> resolved() {
        return List.copyOf(resolved);
    }
}
