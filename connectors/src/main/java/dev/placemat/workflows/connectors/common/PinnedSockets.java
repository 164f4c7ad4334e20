package dev.placemat.workflows.connectors.common;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Sockets that connect only to addresses the outbound guard has checked, whatever host name the client library asks
 * for: the library's own lookup could answer differently (DNS rebinding) and reach an address that was never checked.
 * TLS layered on such a socket keeps the host name (SNI, certificate check), since the library still passes it.
 *
 * <p>Jakarta Mail takes the factory as an instance; the PostgreSQL driver instantiates it by class name with
 * {@code socketFactoryArg} (the addresses, comma separated) as its one argument.
 */
public final class PinnedSockets extends SocketFactory {

    private final List<InetAddress> addresses;

    public PinnedSockets(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no address to pin");
        }
        this.addresses = List.copyOf(addresses);
    }

    /** The PostgreSQL driver's constructor: {@code socketFactoryArg}, address literals separated by commas. */
    public PinnedSockets(String addresses) throws IOException {
        this(literals(addresses));
    }

    /** The driver's argument for these addresses. */
    public static String argument(List<InetAddress> addresses) {
        return String.join(",", addresses.stream().map(InetAddress::getHostAddress).toList());
    }

    @Override
    public Socket createSocket() {
        return new Pinned(addresses.get(0));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
    }

    private Socket connected(InetSocketAddress endpoint, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(endpoint);
        return socket;
    }

    private static List<InetAddress> literals(String addresses) throws IOException {
        if (addresses == null || addresses.isBlank()) {
            throw new IOException("no pinned address given");
        }
        List<InetAddress> parsed = new ArrayList<>();
        for (String literal : addresses.split(",")) {
            parsed.add(InetAddress.getByName(literal.trim())); // a literal: parsed, never looked up
        }
        return parsed;
    }

    /** Connects to its pinned address, on the port asked for, whatever address or name it is asked to reach. */
    private static final class Pinned extends Socket {

        private final InetAddress address;

        Pinned(InetAddress address) {
            this.address = address;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress requested)) {
                throw new IOException("not an internet address: " + endpoint);
            }
            super.connect(new InetSocketAddress(address, requested.getPort()), timeout);
        }
    }
}
