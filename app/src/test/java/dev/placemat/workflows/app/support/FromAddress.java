package dev.placemat.workflows.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Requests from another loopback address (127.0.0.2, 127.0.0.3, ...), as from a second client machine: the JDK's
 * HTTP client cannot choose its local address, so this writes HTTP/1.0 ({@link RawHttp}) on a socket bound to it.
 */
public final class FromAddress {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String address;

    private FromAddress(String address) {
        this.address = address;
    }

    public static FromAddress of(String loopbackAddress) {
        return new FromAddress(loopbackAddress);
    }

    public Api.Answer post(int port, String path, Object body) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(address), 0)) {
            socket.getOutputStream().write(RawHttp.post("HTTP/1.0", port, path, JSON.writeValueAsBytes(body)));
            return RawHttp.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
