package dev.placemat.workflows.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.connectors.common.PinnedSockets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Read-only database connections are read-only through the API: one statement per step (refused when saved), a
 * transaction that the statement can neither end nor make writable, no COPY/DO/CALL nor file and program functions;
 * the platform's own database is out of reach unless an admin allows it; a step given up stops its query on the
 * server.
 */
class DatabaseConnectionsIT extends IntegrationTest {

    @Autowired
    DataSource platformDatabase;

    private String platformUrl;
    private String targetUrl;
    private JdbcClient target;

    @BeforeEach
    void readOnlyTarget() throws Exception {
        try (var c = platformDatabase.getConnection()) {
            platformUrl = c.getMetaData().getURL().replaceFirst("\\?.*$", "");
        }
        targetUrl = platformUrl.replaceFirst("/postgres(\\?.*)?$", "/readonly_target");
        String password = databaseCredentials().superuserPassword();
        JdbcClient superuser = JdbcClient.create(new DriverManagerDataSource(platformUrl, "postgres", password));
        if (superuser.sql("SELECT count(*) FROM pg_database WHERE datname = 'readonly_target'").query(Long.class)
                .single() == 0) {
            superuser.sql("CREATE DATABASE readonly_target").update();
        }
        target = JdbcClient.create(new DriverManagerDataSource(targetUrl, "postgres", password));
        target.sql("CREATE TABLE IF NOT EXISTS canary (id int)").update();
        // the superuser, so that only the read-only transaction stands between a step and the files and programs
        api().put("/api/connections/reports", Map.of("type", "database", "fields",
                Map.of("url", targetUrl, "username", "postgres", "password", password, "writable", "false")))
                .expect(200);
    }

    private static ObjectNode query(String sql, int timeoutSeconds) {
        ObjectNode definition = (ObjectNode) Json.of("{'name':'db','trigger':{'type':'webhook','config':{}},'steps':[]}");
        ObjectNode step = definition.withArray("steps").addObject();
        step.put("action_type", "database.query").put("timeout_seconds", timeoutSeconds)
                .putObject("retry_config").put("max_retries", 0);
        step.putObject("config").put("connection", "reports").put("query", sql);
        return definition;
    }

    private JsonNode testRun(String sql) {
        return api().post("/api/workflows/test", Map.of("workflow", query(sql, 30), "test_data", Map.of()))
                .expect(200).json();
    }

    @Test
    void moreThanOneStatementIsRefusedWhenSaved() {
        JsonNode refused = api().post("/api/workflows", query("select 1; commit; create table hacked (id int)", 30))
                .expect(422).json();
        assertThat(refused.get("errors")).anyMatch(e -> e.get("path").asText().equals("steps[0].config.query")
                && e.get("code").asText().equals("multiple_statements"));
        api().post("/api/workflows", query("select E'\\'; commit; --' AS a, $$;$$ AS b -- ;", 30)).expect(201);
    }

    @Test
    void aReadOnlyConnectionNeitherWritesNorReachesFilesAndPrograms() throws Exception {
        Path marker = Files.createTempDirectory("copy-program").resolve("ran");
        String[] attacks = {"COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
            "DO $$ BEGIN EXECUTE 'create table hacked (id int)'; END $$", "CALL anything()",
            "SET transaction_read_only = off", "COMMIT",
            "select pg_read_file('/etc/passwd')", "select pg_read_binary_file('/etc/hostname')",
            "select pg_ls_dir('.')", "select lo_import('/etc/passwd')",
            "select set_config('transaction_read_only', 'off', false)",
            "WITH x AS (INSERT INTO canary VALUES (1) RETURNING id) SELECT * FROM x"};
        for (String attack : attacks) {
            JsonNode run = testRun(attack);
            assertThat(run.get("status").asText()).as(attack + ": " + run).isEqualTo("failed");
            assertThat(run.get("error").asText()).as(attack).contains("read-only");
        }
        assertThat(marker).doesNotExist();
        assertThat(target.sql("SELECT count(*) FROM canary").query(Long.class).single()).isZero();
        assertThat(target.sql("SELECT to_regclass('hacked') IS NULL").query(Boolean.class).single()).isTrue();
        assertThat(testRun("select count(*) AS n from canary").get("status").asText()).isEqualTo("completed");
    }

    @Test
    void anEditorsConnectionReachesOnlyTheAddressesItsHostResolvedToWhenItsPoolOpened() throws Exception {
        String password = databaseCredentials().superuserPassword();
        Properties pinned = new Properties();
        pinned.setProperty("user", "postgres");
        pinned.setProperty("password", password);
        pinned.setProperty("socketFactory", PinnedSockets.class.getName());
        pinned.setProperty("socketFactoryArg", "127.0.0.1");
        // no DNS server knows this name: the driver reaches the database only through the pinned address
        try (Connection c = DriverManager.getConnection(targetUrl.replace("localhost", "db.pinned.test"), pinned)) {
            assertThat(c.isValid(2)).isTrue();
        }

        Api editor = Api.withToken(port, tokenOfNewUser("editor"));
        editor.put("/api/connections/editor-reports", Map.of("type", "database", "fields",
                Map.of("url", targetUrl, "username", "postgres", "password", password))).expect(200);
        ObjectNode definition = query("select count(*) AS n from canary", 30);
        ((ObjectNode) definition.get("steps").get(0).get("config")).put("connection", "editor-reports");
        JsonNode run = editor.post("/api/workflows/test", Map.of("workflow", definition, "test_data", Map.of()))
                .expect(200).json();
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
    }

    @Test
    void thePlatformsOwnDatabaseIsReachableOnlyWhenAnAdminSaysSo() {
        JsonNode refused = api().put("/api/connections/own-db", Map.of("type", "database", "fields",
                Map.of("url", platformUrl.replace("localhost", "127.0.0.1"), "username", "postgres"))).expect(422)
                .json();
        assertThat(refused.get("errors")).anyMatch(e -> e.get("path").asText().equals("fields.url")
                && e.get("code").asText().equals("platform_database"));
        api().put("/api/connections/own-db", Map.of("type", "database", "fields", Map.of("url", platformUrl,
                "username", "postgres", "allow_platform_database", "true"))).expect(200);
    }

    @Test
    void aStepGivenUpStopsItsQueryOnTheServer() {
        JsonNode timesOut = api().deploy(query("select pg_sleep(61)", 2));
        String timedOut = anonymous().post(timesOut.get("webhook_url").asText(), "{}").expect(202).json()
                .get("execution_ids").get(0).asText();
        assertThat(Executions.awaitEnd(api(), timedOut).get("status").asText()).isEqualTo("failed");
        await().atMost(Duration.ofSeconds(5)).until(() -> sleeping("pg_sleep(61)") == 0);

        JsonNode longRunning = api().deploy(query("select pg_sleep(62)", 120));
        String cancelled = anonymous().post(longRunning.get("webhook_url").asText(), "{}").expect(202).json()
                .get("execution_ids").get(0).asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> sleeping("pg_sleep(62)") == 1);
        api().post("/api/executions/" + cancelled + "/cancel", null).expect(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> sleeping("pg_sleep(62)") == 0);
    }

    private long sleeping(String call) {
        return target.sql("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE :q "
                        + "AND pid <> pg_backend_pid()")
                .param("q", "%" + call + "%").query(Long.class).single();
    }
}
