package dev.placemat.workflows.connectors.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.DataSources;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseQueryActionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();
    private static StepContext context;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        DataSource db = postgres.getPostgresDatabase();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE project_budgets (project_id text PRIMARY KEY, budget_utilization numeric, "
                    + "updated date)");
            s.execute("INSERT INTO project_budgets VALUES ('p-1', 93.5, '2025-03-31'), ('p-2', 40, '2025-03-30')");
            s.execute("CREATE TABLE canary (id int)");
            s.execute("INSERT INTO canary VALUES (1)");
        }
        DataSources sources = name -> switch (name) {
            case "reports" -> new DataSources.Database(db, false);
            case "admin" -> new DataSources.Database(db, true);
            default -> throw StepFailure.permanent("there is no database connection named '" + name + "'");
        };
        context = FIXTURE.context(null, new TestServices().with(DataSources.class, sources));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void bindsNamedParametersAndPutsTheFirstRowAtTheTopLevel() throws Exception {
        JsonNode out = run("""
                {"connection": "reports",
                 "query": "SELECT budget_utilization, updated FROM project_budgets WHERE project_id = :project_id",
                 "parameters": {"project_id": "p-1"}}""");

        assertThat(out.path("budget_utilization").decimalValue()).isEqualByComparingTo("93.5");
        assertThat(out.path("updated").asText()).isEqualTo("2025-03-31");
        assertThat(out.path("row_count").asInt()).isEqualTo(1);
        assertThat(out.path("columns").toString()).isEqualTo("[\"budget_utilization\",\"updated\"]");
        assertThat(out.path("rows").get(0).path("budget_utilization").decimalValue()).isEqualByComparingTo("93.5");
    }

    @Test
    void aParameterValueIsDataNeverSql() throws Exception {
        JsonNode out = run("""
                {"connection": "admin",
                 "query": "SELECT * FROM project_budgets WHERE project_id = :id",
                 "parameters": {"id": "p-1'; DROP TABLE canary; --"}}""");

        assertThat(out.path("row_count").asInt()).isZero();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM canary")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void refusesWritesOnAReadOnlyConnection() {
        assertRefusedForGood("""
                {"connection": "reports", "query": "DELETE FROM canary WHERE id = :id", "parameters": {"id": 1}}""")
                .hasMessageContaining("the database connection 'reports' is read-only: DELETE statements");
        assertRefusedForGood("""
                {"connection": "reports", "query": "WITH gone AS (DELETE FROM canary RETURNING id) SELECT * FROM gone"}""")
                .hasMessageContaining("the database connection 'reports' is read-only, and this query tries to write");
    }

    @Test
    void aReadOnlyConnectionRefusesWhatReachesBeyondReadingItsTables() throws Exception {
        for (String query : new String[] {"select 1; commit; create table hacked (id int)",
            "COPY (SELECT 1) TO PROGRAM 'id'", "copy canary to '/tmp/x'", "DO $$ BEGIN PERFORM 1; END $$",
            "CALL anything()", "COMMIT", "SET transaction_read_only = off", "select pg_read_file('/etc/passwd')",
            "select pg_catalog.pg_read_binary_file('/etc/passwd')", "select \"pg_ls_dir\"('.')",
            "select lo_import('/etc/passwd')", "select lo_export(1, '/tmp/x')",
            "select * from dblink('host=x', 'select 1') as t(a int)",
            "select query_to_xml('select 1', true, true, '')", "select set_config('transaction_read_only', 'off', true)"}) {
            assertRefusedForGood(JSON.createObjectNode().put("connection", "reports").put("query", query).toString())
                    .as(query)
                    .hasMessageFindingMatch("'reports' is read-only: |holds 3 SQL statements");
        }
        assertThat(tableExists("hacked")).isFalse();
    }

    @Test
    void findsParametersAsPostgresqlReadsQuotes() throws Exception {
        JsonNode out = run("""
                {"connection": "reports",
                 "query": "SELECT E'it\\\\'s :not' AS e, $$ :no; $$ AS d, $t$ :nor $t$ AS t, :id::int AS id -- :x",
                 "parameters": {"id": "7"}}""");
        assertThat(out.path("e").asText()).isEqualTo("it's :not");
        assertThat(out.path("d").asText()).isEqualTo(" :no; ");
        assertThat(out.path("t").asText()).isEqualTo(" :nor ");
        assertThat(out.path("id").asInt()).isEqualTo(7);
    }

    @Test
    void refusesMoreThanOneStatementWhenSavedButNotSemicolonsInQuotes() {
        DatabaseQueryAction action = new DatabaseQueryAction();
        assertThat(action.check(JSON.createObjectNode().put("query", "select 1; commit; create table t (id int)")))
                .extracting(p -> p.field() + "/" + p.code()).containsExactly("query/multiple_statements");
        assertThat(action.check(JSON.createObjectNode().put("query", "select E'\\'; drop table x; --' as a, "
                + "$$ ; $$, ';' /* ; */ -- ;\n;"))).isEmpty();
    }

    @Test
    void writesOnAWritableConnection() throws Exception {
        JsonNode out = run("""
                {"connection": "admin",
                 "query": "UPDATE project_budgets SET updated = updated WHERE project_id = ANY(:ids)",
                 "parameters": {"ids": ["p-1", "p-2"]}}""");

        assertThat(out.path("updated_count").asInt()).isEqualTo(2);
    }

    @Test
    void refusesTemplatesInsideTheSqlText() {
        assertThatThrownBy(() -> run("""
                {"connection": "reports",
                 "query": "SELECT 1 FROM project_budgets WHERE project_id = '{{event_data.project_id}}'"}"""))
                .hasMessageContaining("templates are not allowed inside query")
                .hasMessageContaining(":project_id");
    }

    @Test
    void limitsRowsAndSaysSo() throws Exception {
        JsonNode out = run("""
                {"connection": "reports", "query": "SELECT g AS n FROM generate_series(1, 50) g ORDER BY g",
                 "max_rows": 10}""");

        assertThat(out.path("row_count").asInt()).isEqualTo(10);
        assertThat(out.path("truncated").asBoolean()).isTrue();
        assertThat(out.path("n").asInt()).isEqualTo(1);
    }

    @Test
    void leavesQuotedColonsAndCastsAloneAndNamesAMissingParameter() throws Exception {
        JsonNode out = run("""
                {"connection": "reports", "query": "SELECT ':not_a_param' AS t, :n::int + 1 AS m",
                 "parameters": {"n": "41"}}""");
        assertThat(out.path("t").asText()).isEqualTo(":not_a_param");
        assertThat(out.path("m").asInt()).isEqualTo(42);

        assertThatThrownBy(() -> run("{\"connection\": \"reports\", \"query\": \"SELECT :missing\"}"))
                .hasMessage("the query uses :missing but parameters has no missing");
    }

    /** Running the action with this config fails for good (a retry would fail the same way). */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefusedForGood(String config) {
        return assertThatThrownBy(() -> run(config))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse());
    }

    private static boolean tableExists(String name) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('" + name + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static JsonNode run(String config) throws Exception {
        return StepFixture.output(new DatabaseQueryAction().execute(
                StepFixture.config(DatabaseQueryAction.Config.class, config), context));
    }

    @Test
    void aStatementThatOnlyReadsIsSafeToRunAgainOneThatMayWriteIsNot() {
        DatabaseQueryAction action = new DatabaseQueryAction();
        for (String reading : new String[] {"SELECT * FROM t WHERE a = :a", "  with x as (select 1) select * from x",
            "select 'delete' as word -- drop table t", "EXPLAIN SELECT 1", "VALUES (1)"}) {
            assertThat(action.repeatSafe(config(reading))).as(reading).isTrue();
        }
        for (String writing : new String[] {"INSERT INTO t VALUES (1)", "update t set a = 1",
            "WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone", "SELECT * INTO copy FROM t",
            "select nextval('s')", "EXPLAIN ANALYZE DELETE FROM t", "CALL p()"}) {
            assertThat(action.repeatSafe(config(writing))).as(writing).isFalse();
        }
    }

    private static DatabaseQueryAction.Config config(String sql) {
        return new DatabaseQueryAction.Config("finance", sql, null, null);
    }
}
