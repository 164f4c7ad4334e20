package dev.placemat.workflows.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP written and read on a socket of the test's own, for what the JDK's client does not show or let choose: the
 * local address ({@link FromAddress}), or whether the platform keeps a connection open.
 */
public final class RawHttp {

    private RawHttp() {}

    /** A POST of a JSON body, in HTTP/1.0 or HTTP/1.1 ({@code version}). */
    public static byte[] post(String version, int port, String path, byte[] json) {
        String head = "POST " + path + " " + version + "\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(json);
        return request.toByteArray();
    }

    /** The next answer: its head, and its body by its Content-Length, or up to the end without one. */
    public static Api.Answer read(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n", head.length() - 4) < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended after: " + head);
            }
            head.append((char) b);
        }
        String[] lines = head.substring(0, head.length() - 4).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        List<String> length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.get(0)));
        return new Api.Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }
}
