package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.connectors.common.PinnedSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * The connections of one SMTP send, made through this factory (Jakarta Mail takes a factory instance in
 * {@code mail.<protocol>.socketFactory}, and layers TLS on its socket itself, under the server's name, for
 * {@code tls} from the start as for {@code starttls}):
 * <ul>
 *   <li>a step that is given up closes its connection: a send blocked on a slow server then ends at once instead of at
 *       its read timeout (the transport's own {@code close()} waits for the send to finish);</li>
 *   <li>with addresses pinned, every connection goes to them, whatever the mail library would resolve.</li>
 * </ul>
 */
final class SmtpSockets {

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final SocketFactory connections;
    private volatile boolean closed;

    /** @param pinned the addresses the outbound guard checked, or null where the library may resolve names itself */
    SmtpSockets(List<InetAddress> pinned) {
        this.connections = pinned == null ? SocketFactory.getDefault() : new PinnedSockets(pinned);
    }

    SocketFactory plain() {
        return new Plain();
    }

    /** Closes every socket made so far, and each one made from now on. */
    void closeAll() {
        closed = true;
        sockets.forEach(SmtpSockets::closeQuietly);
    }

    private Socket track(Socket socket) {
        sockets.add(socket);
        if (closed) {
            closeQuietly(socket);
        }
        return socket;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is wanted; a socket that fails to close is closed enough
        }
    }

    private final class Plain extends SocketFactory {

        @Override
        public Socket createSocket() throws IOException {
            return track(connections.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(connections.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return track(connections.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(connections.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return track(connections.createSocket(host, port, local, localPort));
        }
    }
}
