package dev.placemat.workflows.app.outbound;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.validation.AddressCheck;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The outbound guard: only http and https, and only to public addresses. Every address a host name resolves to is
 * checked (so odd spellings such as {@code 2130706433} or {@code 0x7f.1} and IPv4-mapped IPv6 are judged by the
 * address they reach), unless the allow-list ({@code workflows.outbound.allow}, {@code WORKFLOWS_OUTBOUND_ALLOW})
 * names the host or a range holding the address.
 *
 * <p>It also judges the literal addresses of definitions when they are saved ({@link AddressCheck}), from the text
 * alone.
 */
@Component
public class AddressGuard implements OutboundGuard, AddressCheck {

    private static final Set<String> SCHEMES = Set.of("http", "https");
    /** Names that only ever lead to internal hosts: reserved for loopback, the local network or private use. */
    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".localdomain",
            ".home.arpa", ".lan", ".intranet", ".corp");

    private final Set<String> allowedHosts;
    private final List<Cidr> allowedRanges;
    private final NameLookup names;

    @org.springframework.beans.factory.annotation.Autowired
    public AddressGuard(WorkflowsProperties properties) {
        this(properties.outbound() == null ? null : properties.outbound().allow());
    }

    AddressGuard(String allow) {
        this(allow, InetAddress::getAllByName);
    }

    AddressGuard(String allow, NameLookup names) {
        this.names = names;
        List<String> hosts = new ArrayList<>();
        List<Cidr> ranges = new ArrayList<>();
        if (allow != null) {
            for (String entry : allow.split(",")) {
                String e = entry.trim().toLowerCase(Locale.ROOT);
                if (e.isEmpty()) {
                    continue;
                }
                Cidr.parse(e).ifPresentOrElse(ranges::add, () -> hosts.add(e));
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedRanges = List.copyOf(ranges);
    }

    @Override
    public void check(URI uri) throws StepFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw StepFailure.permanent("only http and https URLs may be called, not '" + scheme + ":'");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw StepFailure.permanent("the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            resolve(host);
        }
    }

    /**
     * One lookup, every address checked: the HTTP client connects to what this returns (never to a second lookup's
     * answer, which a DNS server under an attacker's control could point at an internal address).
     */
    @Override
    public List<InetAddress> resolve(String host) throws StepFailure {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.isBlank()) {
            throw StepFailure.permanent("the URL has no host");
        }
        boolean allowedByName = allowedHosts.contains(bare.toLowerCase(Locale.ROOT));
        if (!allowedByName && isOddNumericSpelling(bare)) {
            throw StepFailure.permanent("the host '" + bare + "' is a numeric address in an unusual spelling "
                    + "(octal, hex, or fewer than four parts), which tools read differently; write it as a.b.c.d");
        }
        InetAddress[] addresses;
        try {
            addresses = names.lookup(bare);
        } catch (UnknownHostException e) {
            throw StepFailure.transientFailure("the host '" + bare + "' cannot be resolved");
        }
        if (!allowedByName) {
            for (InetAddress address : addresses) {
                if (isInternal(address) && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                    throw StepFailure.permanent("the host '" + bare + "' is an internal address ("
                            + address.getHostAddress() + "); outbound requests may reach public addresses only, "
                            + "unless workflows.outbound.allow lists it");
                }
            }
        }
        return List.of(addresses);
    }

    /** How host names become addresses: the system resolver, or a stand-in in tests. */
    @FunctionalInterface
    interface NameLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    /**
     * The save-time judgement: the same rules as {@link #check} without a DNS lookup. An address written as numbers
     * is judged as when the step runs; a name is refused when its form says it is internal ({@code localhost}, a
     * name without a dot, or one under {@code .internal}, {@code .local} and the like); any other name is resolved
     * and checked when the step runs.
     */
    @Override
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of("only http and https URLs may be called, not '" + scheme + ":'");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String bare = (host.startsWith("[") ? host.substring(1, host.length() - 1) : host).toLowerCase(Locale.ROOT);
        if (bare.isBlank()) {
            return Optional.of("the URL has no host that can be read");
        }
        if (allowedHosts.contains(bare)) {
            return Optional.empty();
        }
        if (isOddNumericSpelling(bare)) {
            return Optional.of("the host '" + bare + "' is a numeric address in an unusual spelling (octal, hex, or "
                    + "fewer than four parts), which tools read differently; write it as a.b.c.d");
        }
        if (bare.contains(":") || bare.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            try {
                InetAddress address = InetAddress.getByName(bare); // a literal address: no lookup
                return isInternal(address) && allowedRanges.stream().noneMatch(r -> r.contains(address))
                        ? Optional.of(internal(bare)) : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.of("the host '" + bare + "' is not a valid address");
            }
        }
        String name = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        boolean internalName = name.equals("localhost") || !name.contains(".")
                || INTERNAL_SUFFIXES.stream().anyMatch(name::endsWith);
        return internalName ? Optional.of(internal(bare)) : Optional.empty();
    }

    private static String internal(String host) {
        return "the host '" + host + "' is an internal address (loopback, private, link-local or cloud metadata); "
                + "steps may call public addresses only, unless workflows.outbound.allow (WORKFLOWS_OUTBOUND_ALLOW) "
                + "lists it";
    }

    /** Numbers and dots (or hex) that are not a plain dotted quad without leading zeros. */
    static boolean isOddNumericSpelling(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (!h.matches("[0-9a-fx.]+") || !h.matches(".*[0-9].*") || h.matches(".*[g-wyz].*")) {
            return false;
        }
        if (!h.matches("[0-9x.]+") && !h.contains("0x")) {
            return false; // a host name made of hex letters, such as cafe.be
        }
        return !h.matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    }

    static boolean isInternal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isMappedV4(b) || isCompatV4(b)) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
            return v6.isLoopbackAddress() || v6.isAnyLocalAddress() || v6.isLinkLocalAddress()
                    || v6.isSiteLocalAddress() || v6.isMulticastAddress()
                    || (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                    || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) // documentation
                    || (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b); // NAT64
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || first == 0 // 0.0.0.0/8
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 240; // reserved and broadcast
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isCompatV4(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code ::1/128}. */
    record Cidr(byte[] network, int bits) {

        static java.util.Optional<Cidr> parse(String text) {
            int slash = text.indexOf('/');
            String ip = slash < 0 ? text : text.substring(0, slash);
            if (!ip.matches("[0-9.]+") && !ip.contains(":")) {
                return java.util.Optional.empty();
            }
            try {
                byte[] network = InetAddress.getByName(ip).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
                return java.util.Optional.of(new Cidr(network, bits));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("workflows.outbound.allow: '" + text + "' is not a host or range");
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address instanceof Inet4Address || network.length == 16 ? address.getAddress() : null;
            if (a == null || a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((a[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }
}
