package dev.placemat.workflows.app.embeddeddb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Run as the superuser at every start, before anything else touches the database: the platform's role
 * ({@value DatabaseCredentials#APP_ROLE}) exists, logs in with the password from its file, is no superuser and may
 * create neither databases nor roles, and owns the {@code public} schema and every object in it, also those an
 * earlier version created as {@code postgres} (so Flyway, Quartz and the platform work as that role on old data).
 * Nobody else may create objects in that schema.
 */
final class PlatformRole {

    private static final String ROLE = DatabaseCredentials.APP_ROLE;
    private static final String LIMITS = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    /** Every object of the schema owned by someone else is given to the role; sequences of a table follow it. */
    private static final String TAKE_OWNERSHIP = """
            DO $$
            DECLARE o record;
            BEGIN
              FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                         AND c.relowner <> '%1$s'::regrole LOOP
                EXECUTE format('ALTER %%s %%s OWNER TO %1$s', CASE o.relkind WHEN 'v' THEN 'VIEW'
                    WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.name);
              END LOOP;
              FOR o IN SELECT c.oid::regclass AS name FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
                         AND c.relowner <> '%1$s'::regrole LOOP
                EXECUTE format('ALTER SEQUENCE %%s OWNER TO %1$s', o.name);
              END LOOP;
              FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                       WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '%1$s'::regrole LOOP
                EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', o.name);
              END LOOP;
              FOR o IN SELECT t.oid::regtype AS name FROM pg_type t
                       WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')
                         AND t.typowner <> '%1$s'::regrole LOOP
                EXECUTE format('ALTER TYPE %%s OWNER TO %1$s', o.name);
              END LOOP;
            END $$
            """.formatted(ROLE);

    private PlatformRole() {}

    /**
     * @param setSuperuserPassword true for a data directory of an earlier version, whose superuser had none
     */
    static void prepare(DataSource superuser, DatabaseCredentials credentials, boolean setSuperuserPassword)
            throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            if (setSuperuserPassword) {
                pg.alterUserPassword(DatabaseCredentials.SUPERUSER, credentials.superuserPassword().toCharArray(),
                        "scram-sha-256");
            }
            statement.execute((exists(connection) ? "ALTER ROLE " : "CREATE ROLE ") + ROLE + LIMITS);
            pg.alterUserPassword(ROLE, credentials.appPassword().toCharArray(), "scram-sha-256");
            statement.execute("ALTER SCHEMA public OWNER TO " + ROLE);
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            statement.execute(TAKE_OWNERSHIP);
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, ROLE);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
