package dev.placemat.workflows.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.placemat.workflows.app.embeddeddb.DatabaseCredentials;
import dev.placemat.workflows.app.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded PostgreSQL as a hostile local user meets it: no role connects without its password, the platform's
 * own role (what a leak of its connection would give) can neither run programs nor read files, and the passwords are
 * kept owner-only.
 */
class EmbeddedDatabaseAccessIT extends IntegrationTest {

    @Autowired
    DataSource platformDatabase;

    @Test
    void refusesEveryRoleWithoutItsPassword() throws SQLException {
        String url = url();
        for (String role : List.of("postgres", "placemat")) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "").close()).as(role)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "wrong-password").close()).as(role)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        try (Connection superuser = DriverManager.getConnection(url, "postgres",
                databaseCredentials().superuserPassword())) {
            assertThat(superuser.isValid(1)).isTrue();
        }
    }

    @Test
    void thePlatformsRoleCanNeitherRunProgramsNorReadFilesNorGrantItselfMore() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("placemat");
        assertThat(jdbc.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles "
                + "WHERE rolname = current_user").query(Boolean.class).single()).isFalse();
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("COPY (SELECT 1) TO PROGRAM 'touch /tmp/placemat-pwned'",
                "must be superuser or a member of the pg_execute_server_program role");
        refusals.put("SELECT pg_read_binary_file('../secret.key')", "permission denied for function pg_read_binary_file");
        refusals.put("SELECT pg_read_file('postgresql.conf')", "permission denied for function pg_read_file");
        refusals.put("SELECT pg_ls_dir('.')", "permission denied for function pg_ls_dir");
        refusals.put("CREATE ROLE intruder SUPERUSER LOGIN PASSWORD 'x'", "must be superuser to create superusers");
        refusals.put("ALTER ROLE placemat SUPERUSER", "must be superuser to alter superuser roles");
        refusals.put("GRANT pg_execute_server_program TO placemat",
                "must have admin option on role \"pg_execute_server_program\"");
        refusals.put("CREATE DATABASE elsewhere", "permission denied to create database");
        refusals.forEach((attack, refusal) -> assertThatThrownBy(() -> jdbc.sql(attack).query().listOfRows())
                .as(attack).rootCause().hasMessageContaining(refusal));
        assertThat(Files.exists(java.nio.file.Path.of("/tmp/placemat-pwned"))).isFalse();
    }

    @Test
    void thePasswordsAreKeptOwnerOnly() throws Exception {
        DatabaseCredentials credentials = databaseCredentials();
        for (var file : List.of(credentials.superuserFile(), credentials.appFile())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(credentials.appPassword()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(
                credentials.superuserPassword());
    }

    @Test
    void listensOnLoopbackOnly() {
        JdbcClient superuser = JdbcClient.create(new SingleConnectionDataSource(url(), "postgres",
                databaseCredentials().superuserPassword(), true));
        assertThat(superuser.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("localhost");
        assertThat(superuser.sql("SHOW unix_socket_directories").query(String.class).single()).isEmpty();
        assertThat(superuser.sql("SELECT DISTINCT auth_method FROM pg_hba_file_rules").query(String.class).list())
                .containsExactly("scram-sha-256");
    }

    private String url() {
        try (Connection connection = platformDatabase.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
