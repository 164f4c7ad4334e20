package dev.placemat.workflows.app.embeddeddb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The embedded server's {@code pg_hba.conf}: every connection authenticates with a password
 * ({@code scram-sha-256}), none is trusted. Earlier versions of the platform let the library write one that trusted
 * every local connection as any role; such a file is recognised and replaced.
 */
final class ClientAuthentication {

    static final String FILE = "pg_hba.conf";

    private static final String PASSWORDS = """
            # Written by Placemat Workflows at every start: every connection authenticates with a password.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    /**
     * Only for the one start that migrates a data directory of an earlier version, whose superuser has no password
     * yet: it trusts the superuser on loopback as that version did at all times, until {@link #requirePasswords}.
     */
    private static final String SUPERUSER_UNTIL_MIGRATED = """
            # Written by Placemat Workflows while it sets passwords in a data directory of an earlier version.
            host    all       postgres  127.0.0.1/32  trust
            host    all       postgres  ::1/128       trust
            host    all       all       127.0.0.1/32  scram-sha-256
            host    all       all       ::1/128       scram-sha-256
            """;

    private static final Pattern TRUST = Pattern.compile("(?m)^\\s*[^#\\s].*\\btrust\\s*$");

    private ClientAuthentication() {}

    /** True for a data directory whose file trusts some connection (one made by an earlier version). */
    static boolean trustsConnections(Path pgData) throws IOException {
        Path file = pgData.resolve(FILE);
        return Files.exists(file) && TRUST.matcher(Files.readString(file)).find();
    }

    static void trustSuperuserUntilMigrated(Path pgData) throws IOException {
        Files.writeString(pgData.resolve(FILE), SUPERUSER_UNTIL_MIGRATED);
    }

    static void requirePasswords(Path pgData) throws IOException {
        Files.writeString(pgData.resolve(FILE), PASSWORDS);
    }
}
