package dev.placemat.workflows.connectors.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.StepContext;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DataAggregateAndFilterTest {

    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();
    private static StepContext context;

    @BeforeAll
    static void start() {
        String today = LocalDate.now().toString();
        context = FIXTURE.context(StepFixture.json("""
                {"step_1": {"rows": [
                  {"category": "grants", "project": "Harbour", "amount": 1000, "status": "paid", "date": "%s"},
                  {"category": "grants", "project": "Harbour", "amount": "250.50", "status": "open", "date": "%s"},
                  {"category": "travel", "project": "Harbour", "amount": 80, "status": "paid", "date": "2001-01-01"},
                  {"category": "grants", "project": "Library", "amount": 400, "status": "paid", "date": "%s",
                   "owner": {"team": "ops"}}
                ]}}""".formatted(today, today, today)), new TestServices());
    }

    @Test
    void groupsAndCalculatesWithTotals() throws Exception {
        JsonNode out = aggregate("""
                {"source": "step_1.rows", "field": "amount", "group_by": ["category", "project"],
                 "calculations": ["sum", "count", "average", "min", "max"]}""");

        assertThat(out.path("groups").get(0).toString()).isEqualTo("{\"category\":\"grants\",\"project\":\"Harbour\","
                + "\"sum\":1250.5,\"count\":2,\"average\":625.25,\"min\":250.5,\"max\":1000}");
        assertThat(out.path("groups")).hasSize(3);
        assertThat(out.path("totals").toString())
                .isEqualTo("{\"sum\":1730.5,\"count\":4,\"average\":432.625,\"min\":80,\"max\":1000}");
    }

    @Test
    void keepsOnlyTheDateRangeOfTheDesignsWeeklyReport() throws Exception {
        JsonNode out = aggregate("""
                {"source": "step_1.rows", "field": "amount", "group_by": ["category"], "date_range": "last_week",
                 "calculations": ["sum", "count"]}""");

        assertThat(out.path("groups").toString())
                .isEqualTo("[{\"category\":\"grants\",\"sum\":1650.5,\"count\":3}]");
    }

    /** Exact sums of 1e99999999 and 1 need a billion digits: such numbers are refused before any arithmetic. */
    @Test
    void refusesNumbersWithHugeExponentsFromData() {
        StepContext bomb = FIXTURE.context(StepFixture.json("""
                {"step_1": {"rows": [{"amount": "1e99999999"}, {"amount": 1}, {"amount": "1e-999999999"}]}}"""),
                new TestServices());
        long start = System.nanoTime();
        assertThatThrownBy(() -> StepFixture.output(new DataAggregateAction().execute(StepFixture.config(
                DataAggregateAction.Config.class, "{\"source\": \"step_1.rows\", \"field\": \"amount\"}"), bomb)))
                .hasMessage("item 0 has amount = \"1e99999999\", a number of more than 1000 digits before or after "
                        + "the decimal point");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
    }

    @Test
    void namesAValueThatIsNotANumber() {
        assertThatThrownBy(() -> aggregate("{\"source\": \"step_1.rows\", \"field\": \"status\"}"))
                .hasMessage("item 0 has status = \"paid\", which is not a number");
        assertThatThrownBy(() -> aggregate("{\"source\": \"step_9.rows\", \"field\": \"amount\"}"))
                .hasMessageContaining("source step_9.rows leads nowhere");
    }

    @Test
    void filtersItemsByConditionsOnTheirOwnFields() throws Exception {
        JsonNode out = filter("""
                {"source": "step_1.rows", "conditions": [
                  {"field": "status", "operator": "equals", "value": "paid"},
                  {"field": "amount", "operator": "greater_than", "value": 100}]}""");

        assertThat(out.path("count").asInt()).isEqualTo(2);
        assertThat(out.path("items").findValuesAsText("project")).containsExactly("Harbour", "Library");
    }

    @Test
    void filtersWithAnyAndNestedFields() throws Exception {
        JsonNode out = filter("""
                {"source": "{{step_1.rows}}", "match": "any", "conditions": [
                  {"field": "owner.team", "operator": "equals", "value": "ops"},
                  {"field": "category", "operator": "in", "value": ["travel"]}]}""");

        assertThat(out.path("items").findValuesAsText("amount")).containsExactly("80", "400");
    }

    @Test
    void anUnknownOperatorIsExplained() {
        assertThatThrownBy(() -> filter("""
                {"source": "step_1.rows", "conditions": [{"field": "status", "operator": "like", "value": "p"}]}"""))
                .hasMessageStartingWith("conditions[0].operator: unknown operator 'like'; use one of equals");
    }

    private static JsonNode aggregate(String config) throws Exception {
        return StepFixture.output(new DataAggregateAction().execute(
                StepFixture.config(DataAggregateAction.Config.class, config), context));
    }

    private static JsonNode filter(String config) throws Exception {
        return StepFixture.output(new DataFilterAction().execute(
                StepFixture.config(DataFilterAction.Config.class, config), context));
    }

    @Test
    void computationsAreSafeToRunAgain() {
        assertThat(new DataTransformAction().repeatSafe(null)).isTrue();
        assertThat(new DataFilterAction().repeatSafe(null)).isTrue();
        assertThat(new DataAggregateAction().repeatSafe(null)).isTrue();
    }
}
