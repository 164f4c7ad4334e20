package dev.placemat.workflows.app.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own PostgreSQL in {@code <data dir>/postgres}: listening on loopback only (no Unix socket), every
 * connection authenticated with {@code scram-sha-256}, the platform working as a role that is no superuser. A
 * server left running by a killed platform process is stopped first, a data directory of an earlier version (trust
 * for every local connection, no passwords) is migrated, and a watchdog stops the server when this process ends.
 */
public final class EmbeddedDatabase implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration FAST_SHUTDOWN_BOUND = Duration.ofSeconds(15);
    /** Starting after a crash replays the WAL, which may take longer than the library's 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final EmbeddedPostgres postgres;
    private final PostmasterWatchdog watchdog;
    private final DatabaseCredentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, PostmasterWatchdog watchdog, DatabaseCredentials credentials) {
        this.postgres = postgres;
        this.watchdog = watchdog;
        this.credentials = credentials;
    }

    /**
     * @param settings server settings ({@code -c name=value}) on top of the security ones set here
     */
    public static EmbeddedDatabase start(Path dataDir, Map<String, String> settings)
            throws IOException, InterruptedException, SQLException {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(dataDir);
        DatabaseCredentials credentials = DatabaseCredentials.in(dataDir);
        LeftoverPostmaster.stopIn(pgData, FAST_SHUTDOWN_BOUND);
        boolean earlierVersion = ClientAuthentication.trustsConnections(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // stopped by Spring after the beans that write to it, never by the library's own JVM hook
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                // a new data directory: initdb sets the superuser's password and requires passwords from the start
                // (the library passes its "locale" settings to initdb as --name=value)
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", credentials.superuserFile().toAbsolutePath().toString())
                .setConnectConfig("password", credentials.superuserPassword())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(dir -> writeClientAuthentication(dir.toPath(), earlierVersion));
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        try {
            DataSource superuser = postgres.getPostgresDatabase();
            PlatformRole.prepare(superuser, credentials, earlierVersion);
            if (earlierVersion) {
                ClientAuthentication.requirePasswords(pgData);
                reloadConfiguration(superuser);
                LOG.info("The embedded database in {} now requires passwords (kept in {} and {}); the platform works"
                        + " as role {}", pgData, credentials.superuserFile(), credentials.appFile(),
                        DatabaseCredentials.APP_ROLE);
            }
            return new EmbeddedDatabase(postgres, PostmasterWatchdog.watch(pgData), credentials);
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The platform's connection: its own role, never the superuser. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return DatabaseCredentials.APP_ROLE;
    }

    public String password() {
        return credentials.appPassword();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            watchdog.close();
        }
    }

    private static void writeClientAuthentication(Path pgData, boolean earlierVersion) {
        try {
            if (earlierVersion) {
                ClientAuthentication.trustSuperuserUntilMigrated(pgData);
            } else {
                ClientAuthentication.requirePasswords(pgData);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reloadConfiguration(DataSource superuser) throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
