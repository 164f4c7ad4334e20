package dev.placemat.workflows.connectors.notion;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.support.LoopbackGuard;
import dev.placemat.workflows.connectors.support.MapConnections;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.fixtures.NotionStandIn;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.StepRun;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Notion actions against a stand-in that checks every property value against the database's schema. */
class NotionActionsTest {

    private static final String TOKEN = "secret_CANARY-notion-token-4711";
    private static final String USER_ID = "7d1f0a5e-2c44-4b8a-9d57-0a1b2c3d4e5f";
    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();
    private static NotionStandIn notion;
    private static int connectionNumber;

    private StepContext context;

    @BeforeAll
    static void start() {
        notion = NotionStandIn.start(TOKEN)
                .database("projects-db", Map.of("Name", "title", "Area", "select", "Status", "status",
                        "Funding", "select", "Lead", "people", "Revenue Potential", "number", "Tags", "multi_select",
                        "Description", "rich_text", "Placemat Run", "rich_text"))
                .database("opps-db", Map.of("Opportunity", "title", "Stage", "status", "Amount", "number",
                        "Primary Contact", "rich_text", "Tags", "multi_select"));
    }

    @AfterAll
    static void stop() {
        notion.close();
    }

    /** Each test has a connection of its own: schemas are cached and rates limited per connection. */
    @BeforeEach
    void setUp() {
        notion.reset();
        context = context("notion-" + (++connectionNumber));
    }

    private StepContext context(String connection) {
        return FIXTURE.context(StepFixture.json("{}"), services(connection));
    }

    /** What the platform gives actions, with one notion connection; rate limits are kept per instance. */
    private static TestServices services(String connection) {
        Connections connections = new MapConnections().with(connection, "notion", Map.of(
                "token", TOKEN,
                "projects_database_id", "projects-db",
                "opportunities_database_id", "opps-db",
                "base_url", notion.baseUrl()));
        return new TestServices()
                .with(Connections.class, connections)
                .with(OutboundGuard.class, new LoopbackGuard(notion.server().port()));
    }

    private String connectionName() {
        return "notion-" + connectionNumber;
    }

    private JsonNode createProject(String projectData) throws Exception {
        return StepFixture.output(new NotionCreateProjectAction().execute(StepFixture.config(
                NotionCreateProjectAction.Config.class, "{\"connection\": \"" + connectionName()
                        + "\", \"project_data\": " + projectData + "}"), context));
    }

    @Test
    void writesEachValueAsItsColumnsTypeInTheSchema() throws Exception {
        JsonNode out = createProject("{\"name\": \"Harbour Clean-up - Project\", \"area\": \"Environment\", "
                + "\"status\": \"Active\", \"funding\": \"Funded\", \"lead\": \"" + USER_ID + "\", "
                + "\"revenue_potential\": 3E+4, \"tags\": [\"Won\"], \"description\": \"" + "d".repeat(4500) + "\"}");

        JsonNode page = notion.pagesIn("projects-db").get(0);
        JsonNode properties = page.path("properties");
        assertThat(properties.path("Lead").path("people").path(0).path("id").asText()).isEqualTo(USER_ID);
        assertThat(properties.path("Status").path("status").path("name").asText()).isEqualTo("Active");
        assertThat(properties.path("Revenue Potential").path("number").toString()).isEqualTo("30000");
        assertThat(properties.path("Description").path("rich_text")).hasSize(3);
        assertThat(properties.path("Placemat Run").path("rich_text").path(0).path("plain_text").asText())
                .isEqualTo("exec-1:1");
        notion.server().verify(postRequestedFor(urlEqualTo("/v1/pages"))
                .withHeader("Notion-Version", equalTo("2022-06-28"))
                .withHeader("Idempotency-Key", equalTo("exec-1:1")));
        assertThat(notion.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/pages")).findFirst().orElseThrow()
                .getRequest().getBodyAsString()).contains("\"number\":30000").doesNotContain("E+");
        assertThat(out.path("id").asText()).isEqualTo(page.path("id").asText());
        assertThat(out.path("name").asText()).isEqualTo("Harbour Clean-up - Project");
        assertThat(out.path("revenue_potential").asInt()).isEqualTo(30000);
        assertThat(out.path("status").asText()).isEqualTo("Active");
    }

    @Test
    void aNameInAPeopleColumnFailsNamingTheColumnAndTheValueBeforeAnythingIsSent() {
        assertThatThrownBy(() -> createProject("{\"name\": \"X\", \"lead\": {\"name\": \"Ann Lee\"}}"))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageStartingWith("the Notion column 'Lead' (people) cannot take 'Ann Lee': it holds Notion "
                        + "users");
        notion.server().verify(0, postRequestedFor(urlEqualTo("/v1/pages")));
    }

    @Test
    void aFieldWhoseColumnTheDatabaseLacksFailsListingTheColumnsItHas() {
        StepContext opportunities = context;
        assertThatThrownBy(() -> StepFixture.output(new NotionCreateOpportunityAction().execute(StepFixture.config(
                NotionCreateOpportunityAction.Config.class, "{\"connection\": \"" + connectionName()
                        + "\", \"opportunity_data\": {\"name\": \"Grant\", \"area\": \"Arts\"}}"), opportunities)))
                .hasMessageStartingWith("the Notion database opps-db has no property 'Area' for area; it has: ")
                .hasMessageContaining("Opportunity");
    }

    @Test
    void writesTheTitleToTheTitleColumnWhateverItIsCalledAndReadsTheSchemaOnce() throws Exception {
        for (int i = 0; i < 2; i++) {
            StepFixture.output(new NotionCreateOpportunityAction().execute(StepFixture.config(
                    NotionCreateOpportunityAction.Config.class, "{\"connection\": \"" + connectionName()
                            + "\", \"opportunity_data\": {\"name\": \"Grant " + i + "\", \"amount\": \"12,000\", "
                            + "\"primary_contact\": {\"name\": \"Ann\", \"email\": \"ann@partner.org\"}}}"), context));
        }
        JsonNode first = notion.pagesIn("opps-db").get(0).path("properties");
        assertThat(first.path("Opportunity").path("title").path(0).path("plain_text").asText()).isEqualTo("Grant 0");
        assertThat(first.path("Amount").path("number").asInt()).isEqualTo(12000);
        assertThat(first.path("Primary Contact").path("rich_text").path(0).path("plain_text").asText())
                .isEqualTo("Ann <ann@partner.org>");
        notion.server().verify(1, getRequestedFor(urlEqualTo("/v1/databases/opps-db")));
    }

    /**
     * Notion allows about three requests a second per integration: seven executions creating a page at once on one
     * connection queue for it (3 at once, then 3 a second), and all seven pages are made.
     */
    @Test
    void parallelExecutionsOnOneConnectionKeepToNotionsRate() throws Exception {
        TestServices services = services(connectionName());
        List<Object> answers = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            ExecutionState execution = new ExecutionState("exec-" + i, "wf-1", StepFixture.json("{}"), record -> { });
            StepRun run = new StepRun(execution, "1", "exec-" + i + ":1", Instant.now().plusSeconds(30),
                    FIXTURE.camel(), services);
            answers.add(new NotionCreateOpportunityAction().execute(StepFixture.config(
                    NotionCreateOpportunityAction.Config.class, "{\"connection\": \"" + connectionName()
                            + "\", \"opportunity_data\": {\"name\": \"Paced " + i + "\"}}"), run));
        }
        for (Object answer : answers) {
            StepFixture.await(answer);
        }

        assertThat(notion.pagesIn("opps-db")).hasSize(7);
        List<Instant> received = notion.server().getAllServeEvents().stream()
                .map(event -> event.getRequest().getLoggedDate().toInstant()).sorted().toList();
        assertThat(received).as("the schema's read and seven pages").hasSizeGreaterThanOrEqualTo(8);
        for (int i = 0; i + 6 < received.size(); i++) {
            // a bucket of 3 refilled at 3 a second lets 6 calls through in one second at the most
            assertThat(Duration.between(received.get(i), received.get(i + 6)))
                    .as("calls %d to %d of %s", i + 1, i + 7, received).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRateLimitedCallAsksTheEngineToWaitAsLongAsNotionSays() {
        notion.rateLimitNext(1, 2);
        assertThatThrownBy(() -> createProject("{\"name\": \"X\"}"))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                })
                .hasMessageContaining("Notion answered 429")
                .hasMessageContaining("rate_limited");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundOnTheNextTryInsteadOfMadeTwice() throws Exception {
        notion.loseNextCreateAnswer(502);
        assertThatThrownBy(() -> createProject("{\"name\": \"Once\"}"))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isTrue());

        JsonNode out = createProject("{\"name\": \"Once\"}");

        assertThat(notion.pagesIn("projects-db")).hasSize(1);
        assertThat(out.path("id").asText()).isEqualTo(notion.pagesIn("projects-db").get(0).path("id").asText());
        notion.server().verify(1, postRequestedFor(urlEqualTo("/v1/pages")));
        notion.server().verify(2, postRequestedFor(urlEqualTo("/v1/databases/projects-db/query")));
    }

    @Test
    void aPageAnEarlierRunOfTheStepMadeIsUsedInsteadOfMakingAnother() throws Exception {
        // as after a crash: the page was made, the answer died with the process, a person resumed with retry
        JsonNode first = createProject("{\"name\": \"Resumed\"}");
        JsonNode again = createProject("{\"name\": \"Resumed\"}");

        assertThat(notion.pagesIn("projects-db")).hasSize(1);
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        notion.server().verify(1, postRequestedFor(urlEqualTo("/v1/pages")));
    }

    @Test
    void addsAndRemovesTagsOnThePagesCurrentTags() throws Exception {
        String id = createProject("{\"name\": \"Harbour\", \"tags\": [\"Funded\", \"Stale\"]}").path("id").asText();

        JsonNode out = StepFixture.output(new NotionUpdateProjectAction().execute(StepFixture.config(
                NotionUpdateProjectAction.Config.class, "{\"connection\": \"" + connectionName() + "\", "
                        + "\"project_id\": \"" + id + "\", \"updates\": {\"tags\": {\"add\": [\"Budget Alert\"], "
                        + "\"remove\": [\"Stale\"]}, \"revenue_potential\": 12.50}}"), context));

        assertThat(out.path("tags").toString()).isEqualTo("[\"Funded\",\"Budget Alert\"]");
        assertThat(notion.pagesIn("projects-db").get(0).path("properties").path("Revenue Potential").path("number")
                .decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void aRefusedTokenFailsForGoodWithoutRepeatingTheToken() {
        Connections wrong = new MapConnections().with("bad", "notion", Map.of("token", "secret_wrong-token-1",
                "projects_database_id", "projects-db", "base_url", notion.baseUrl()));
        StepContext badContext = FIXTURE.context(null, new TestServices().with(Connections.class, wrong)
                .with(OutboundGuard.class, new LoopbackGuard(notion.server().port())));
        assertThatThrownBy(() -> StepFixture.output(new NotionCreateProjectAction().execute(StepFixture.config(
                NotionCreateProjectAction.Config.class, "{\"connection\": \"bad\", \"project_data\": {\"name\": "
                        + "\"X\"}}"), badContext)))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("Notion answered 401")
                .hasMessageContaining("notion connection 'bad'")
                .hasMessageNotContaining("secret_wrong-token-1");
    }

    @Test
    void refusesAnUpdateWithoutChangesAndAPageIdThatIsNotOne() {
        var empty = StepFixture.config(NotionUpdateProjectAction.Config.class, "{\"connection\": \""
                + connectionName() + "\", \"project_id\": \"" + USER_ID + "\", \"updates\": {}}");
        var badId = StepFixture.config(NotionUpdateProjectAction.Config.class, "{\"connection\": \""
                + connectionName() + "\", \"project_id\": \"../../v1/users\", \"updates\": {\"tags\": "
                + "{\"add\": [\"x\"]}}}");

        assertThatThrownBy(() -> StepFixture.output(new NotionUpdateProjectAction().execute(empty, context)))
                .hasMessageContaining("updates names no field to change");
        assertThatThrownBy(() -> StepFixture.output(new NotionUpdateProjectAction().execute(badId, context)))
                .hasMessageContaining("is not a Notion page id");
        notion.server().verify(0, postRequestedFor(urlEqualTo("/v1/pages")));
    }

    @Test
    void updatesByIdMayBeRepeatedCreatesMayNot() {
        assertThat(new NotionUpdateProjectAction().repeatSafe(null)).isTrue();
        assertThat(new NotionUpdateOpportunityAction().repeatSafe(null)).isTrue();
        assertThat(new NotionCreateProjectAction().repeatSafe(null)).isFalse();
        assertThat(new NotionCreateOpportunityAction().repeatSafe(null)).isFalse();
    }
}
