package dev.placemat.workflows.connectors.common;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Sockets that connect only to an address the outbound guard has checked, whatever host name the client library asks
 * for: the library's own lookup could answer differently (DNS rebinding) and reach an address that was never checked.
 * TLS layered on such a socket keeps the host name (SNI, certificate check), since the library still passes it.
 *
 * <p>Jakarta Mail takes the factory as an instance; the PostgreSQL driver instantiates it by class name with
 * {@code socketFactoryArg} (the address literal) as its one argument.
 */
public final class PinnedSockets extends SocketFactory {

    private final InetAddress address;

    /** Pins the first of the addresses the guard checked for a host (a failed connect closes its socket). */
    public PinnedSockets(List<InetAddress> checked) {
        this(checked.get(0));
    }

    /**
     * The PostgreSQL driver's constructor: {@code socketFactoryArg}, an address literal from {@link #argument}
     * (parsed, never looked up).
     */
    public PinnedSockets(String literal) throws IOException {
        this(InetAddress.getByName(literal));
    }

    private PinnedSockets(InetAddress address) {
        this.address = address;
    }

    /** The driver's argument that pins the same address as {@code new PinnedSockets(checked)}. */
    public static String argument(List<InetAddress> checked) {
        return checked.get(0).getHostAddress();
    }

    @Override
    public Socket createSocket() {
        return new Pinned(address);
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
