package dev.placemat.workflows.app.connections;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code jdbc:postgresql://host[:port]/database[?parameters]} URL of a {@code database} connection: where it leads,
 * and whether it carries only the driver parameters a connection may set. Others are refused: some make the driver
 * load classes or files named in the URL ({@code socketFactory}, {@code sslfactory}, {@code sslpasswordcallback}),
 * others change the session ({@code options}) or the protocol ({@code preferQueryMode}).
 */
record DatabaseUrl(String host, int port, String database) {

    static final String PREFIX = "jdbc:postgresql://";
    private static final Set<String> ALLOWED_PARAMETERS = Set.of("ssl", "sslmode", "currentschema", "applicationname",
            "connecttimeout", "sockettimeout", "logintimeout", "tcpkeepalive");

    /** What is wrong with the URL, for people; empty when a connection may use it. */
    static Optional<String> problem(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return Optional.of("url must be a jdbc:postgresql://host[:port]/database URL");
        }
        try {
            URI uri = new URI(url.substring("jdbc:".length()));
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getHost().contains(",")) {
                return Optional.of("url must name one host, such as jdbc:postgresql://db.example.com:5432/finance "
                        + "(the username and password are fields of their own)");
            }
            String query = uri.getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (!name.isEmpty() && !ALLOWED_PARAMETERS.contains(name)) {
                        return Optional.of("the url parameter '" + name + "' is not allowed; a connection may set "
                                + "ssl, sslmode, currentSchema, ApplicationName, connectTimeout, socketTimeout, "
                                + "loginTimeout and tcpKeepAlive");
                    }
                }
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("url is not a valid jdbc:postgresql:// URL");
        }
    }

    /** The URL's host, port and database; call {@link #problem} first. */
    static DatabaseUrl of(String url) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        return new DatabaseUrl(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort() < 0 ? 5432 : uri.getPort(),
                database);
    }

    /**
     * Whether both URLs lead to the same database: the same database name and port on one server (the same address,
     * or two addresses of this machine).
     */
    boolean sameDatabaseAs(DatabaseUrl other) {
        return port == other.port && database.equals(other.database) && sameServer(host, other.host);
    }

    private static boolean sameServer(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        InetAddress[] left = addresses(a);
        InetAddress[] right = addresses(b);
        if (Arrays.stream(left).anyMatch(l -> Arrays.asList(right).contains(l))) {
            return true;
        }
        return Arrays.stream(left).anyMatch(DatabaseUrl::local) && Arrays.stream(right).anyMatch(DatabaseUrl::local);
    }

    private static InetAddress[] addresses(String host) {
        try {
            return InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    private static boolean local(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
