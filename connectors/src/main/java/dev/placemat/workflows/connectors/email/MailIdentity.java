package dev.placemat.workflows.connectors.email;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The domain the platform names itself by to SMTP servers: in {@code EHLO} and in every {@code Message-ID}. Strict
 * servers refuse {@code EHLO localhost}; the app sets it from {@code workflows.mail.domain}, and by default it is
 * this host's fully qualified name.
 */
public record MailIdentity(String domain) {

    public MailIdentity {
        if (domain == null || domain.isBlank()) {
            domain = hostDomain();
        }
        domain = domain.strip();
    }

    /** This host's fully qualified name; a name without dots, or {@code localhost.localdomain}, only when no other exists. */
    public static String hostDomain() {
        List<String> names = new ArrayList<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getCanonicalHostName());
            names.add(local.getHostName());
        } catch (UnknownHostException e) {
            // no name for this host: the fallback below
        }
        return pick(names);
    }

    static String pick(List<String> names) {
        String plain = null;
        for (String name : names) {
            String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            if (n.isEmpty() || n.startsWith("localhost") || n.matches("[0-9.]+") || n.contains(":")) {
                continue;
            }
            if (n.contains(".")) {
                return n;
            }
            plain = plain == null ? n : plain;
        }
        return plain != null ? plain : "localhost.localdomain";
    }
}
