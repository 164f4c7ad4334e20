package dev.placemat.workflows.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The packaged platform's embedded PostgreSQL as an operator meets it: a data directory made by an earlier version
 * (trust for every local connection, the superuser owning every table) starts, keeps its rows and requires passwords
 * from then on; after the platform's process is killed with SIGKILL, a start at once is healthy on the first try,
 * whether the database was left running or the watchdog stopped it, and nothing accepted is lost; a lock file whose
 * pid another process has since taken (after a reboot) does not stop the start either.
 */
class EmbeddedDatabaseProcessIT {

    @Test
    void aDataDirectoryOfAnEarlierVersionStartsKeepsItsRowsAndThenRequiresPasswords() throws Exception {
        PlatformProcess.test("earlier", p -> p, platform -> {
            earlierVersionWithUser(platform.dataDir().resolve("postgres"), "earlier-editor", "the-earlier-password");

            platform.start();

            Api editor = Api.session(platform.port(), "earlier-editor", "the-earlier-password");
            editor.signInAnswer().expect(200);
            editor.post("/api/tokens", Map.of("name", "after the upgrade")).expect(201);
            platform.api().deploy(Json.of("{'name':'after upgrade','trigger':{'type':'webhook','config':{}},"
                    + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]}"));
            String url = "jdbc:postgresql://localhost:" + platform.databasePort() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .as("the superuser without a password").isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThat(Files.readString(platform.dataDir().resolve("postgres/pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#]*trust");
            String superuser = Files.readString(platform.dataDir().resolve("database-superuser.password"));
            try (var connection = DriverManager.getConnection(url, "postgres", superuser)) {
                assertThat(JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                        connection, true)).sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
                        .query(String.class).list()).as("every table now belongs to the platform's role")
                        .containsExactly("placemat");
            }
        });
    }

    @Test
    void startsAtOnceAfterASigkillWhetherTheDatabaseWasLeftRunningOrNot() throws Exception {
        PlatformProcess.test("sigkill", p -> p, platform -> {
            platform.start();
            String url = platform.api().deploy(Json.of("{'name':'counted','trigger':{'type':'webhook','config':{}},"
                    + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}}]}"))
                    .get("webhook_url").asText();
            String first = accept(platform, url);

            long leftRunning = platform.postmasterPid();
            platform.killPlatformAndWatchdog();
            assertThat(ProcessHandle.of(leftRunning)).as("the database outlives the killed platform").isPresent();
            platform.start();
            assertThat(ProcessHandle.of(leftRunning)).as("the leftover server was stopped").isEmpty();
            String second = accept(platform, url);

            long watched = platform.postmasterPid();
            platform.killPlatformOnly();
            await("the watchdog stops the database of a killed platform").atMost(Duration.ofSeconds(20))
                    .until(() -> ProcessHandle.of(watched).isEmpty());
            platform.start();

            for (String id : new String[] {first, second}) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(
                        platform.api().get("/api/executions/" + id).expect(200).json().get("status").asText()));
            }

            // the machine restarted: the lock file left by a crash names a pid that another process has now
            Path pidFile = platform.dataDir().resolve("postgres/postmaster.pid");
            List<String> lockFile = Files.readAllLines(pidFile);
            platform.stop();
            Process unrelated = new ProcessBuilder("sleep", "300").start();
            try {
                lockFile.set(0, String.valueOf(unrelated.pid()));
                Files.write(pidFile, lockFile);
                platform.start();
                assertThat(unrelated.isAlive()).as("the unrelated process is left alone").isTrue();
                platform.api().get("/api/executions/" + first).expect(200);
            } finally {
                unrelated.destroyForcibly();
            }
        });
    }

    private static String accept(PlatformProcess platform, String url) {
        return platform.anonymous().post(url, "{}").expect(202).json().get("execution_ids").get(0).asText();
    }

    /** What an earlier version left: the library's trust-everything pg_hba.conf, tables owned by postgres. */
    private static void earlierVersionWithUser(Path pgData, String username, String password) throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setCleanDataDirectory(false).start()) {
            Migrations.of(earlier.getPostgresDatabase()).load().migrate();
            JdbcClient.create(earlier.getPostgresDatabase())
                    .sql("INSERT INTO users (username, password_hash, role) VALUES (:u, :h, 'editor')")
                    .param("u", username)
                    .param("h", PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password)).update();
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");
    }
}
