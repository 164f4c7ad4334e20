package dev.placemat.workflows.connectors.notion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.placemat.workflows.connectors.support.LoopbackGuard;
import dev.placemat.workflows.connectors.support.MapConnections;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotionActionsTest {

    private static final String TOKEN = "secret_CANARY-notion-token-4711";
    private static final String PAGE_ID = "0f3c2b8e-1a2b-4c3d-8e9f-001122334455";
    private static StepFixture fixture;
    private static WireMockServer notion;

    private StepContext context;

    @BeforeAll
    static void start() {
        fixture = new StepFixture();
        notion = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        notion.start();
    }

    @AfterAll
    static void stop() {
        notion.stop();
        fixture.close();
    }

    @BeforeEach
    void setUp() {
        notion.resetAll();
        Connections connections = new MapConnections().with("notion", "notion", Map.of(
                "token", TOKEN,
                "projects_database_id", "projects-db",
                "opportunities_database_id", "opps-db",
                "base_url", "http://127.0.0.1:" + notion.port()));
        context = fixture.context(StepFixture.json("{}"), new TestServices()
                .with(Connections.class, connections)
                .with(OutboundGuard.class, new LoopbackGuard(notion.port())));
    }

    @Test
    void createsAProjectPageWithTheDesignsFieldsAsNotionProperties() throws Exception {
        notion.stubFor(post("/v1/pages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"page\",\"id\":\"" + PAGE_ID + "\",\"url\":\"https://www.notion.so/p1\"}")));
        var config = StepFixture.config(NotionCreateProjectAction.Config.class, """
                {"project_data": {"name": "Harbour Clean-up - Project", "area": "Environment", "status": "Active",
                 "funding": "Funded", "lead": {"name": "Ada", "email": "ada@example.org"},
                 "revenue_potential": 25000, "tags": ["Won"]}}""");

        JsonNode out = StepFixture.output(new NotionCreateProjectAction().execute(config, context));

        assertThat(out.path("id").asText()).isEqualTo(PAGE_ID);
        assertThat(out.path("url").asText()).isEqualTo("https://www.notion.so/p1");
        assertThat(out.path("name").asText()).isEqualTo("Harbour Clean-up - Project");
        assertThat(out.path("revenue_potential").asInt()).isEqualTo(25000);
        notion.verify(postRequestedFor(urlEqualTo("/v1/pages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Notion-Version", equalTo("2022-06-28"))
                .withRequestBody(equalToJson("""
                        {"parent": {"database_id": "projects-db"},
                         "properties": {
                           "Name": {"title": [{"type": "text", "text": {"content": "Harbour Clean-up - Project"}}]},
                           "Area": {"select": {"name": "Environment"}},
                           "Status": {"select": {"name": "Active"}},
                           "Funding": {"select": {"name": "Funded"}},
                           "Lead": {"rich_text": [{"type": "text", "text": {"content": "Ada <ada@example.org>"}}]},
                           "Revenue Potential": {"number": 25000},
                           "Tags": {"multi_select": [{"name": "Won"}]}}}""")));
    }

    @Test
    void createsAnOpportunityInTheOpportunitiesDatabaseWithAPersonById() throws Exception {
        notion.stubFor(post("/v1/pages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + PAGE_ID + "\"}")));
        var config = StepFixture.config(NotionCreateOpportunityAction.Config.class, """
                {"opportunity_data": {"name": "Library grant", "stage": "Proposal", "amount": "12000",
                 "primary_contact": "7d1f0a5e-2c44-4b8a-9d57-0a1b2c3d4e5f"}}""");

        JsonNode out = StepFixture.output(new NotionCreateOpportunityAction().execute(config, context));

        assertThat(out.path("name").asText()).isEqualTo("Library grant");
        assertThat(out.path("stage").asText()).isEqualTo("Proposal");
        notion.verify(postRequestedFor(urlEqualTo("/v1/pages")).withRequestBody(equalToJson("""
                {"parent": {"database_id": "opps-db"},
                 "properties": {
                   "Name": {"title": [{"type": "text", "text": {"content": "Library grant"}}]},
                   "Stage": {"select": {"name": "Proposal"}},
                   "Amount": {"number": 12000},
                   "Primary Contact": {"people": [{"object": "user",
                                                   "id": "7d1f0a5e-2c44-4b8a-9d57-0a1b2c3d4e5f"}]}}}""")));
    }

    @Test
    void addsATagToThePagesCurrentTagsAndReturnsTheNameNotionHas() throws Exception {
        notion.stubFor(get("/v1/pages/" + PAGE_ID).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page("Funded"))));
        notion.stubFor(patch(urlEqualTo("/v1/pages/" + PAGE_ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page("Funded", "Budget Alert"))));
        var config = StepFixture.config(NotionUpdateProjectAction.Config.class,
                "{\"project_id\": \"" + PAGE_ID + "\", \"updates\": {\"tags\": {\"add\": [\"Budget Alert\"]}}}");

        JsonNode out = StepFixture.output(new NotionUpdateProjectAction().execute(config, context));

        notion.verify(patchRequestedFor(urlEqualTo("/v1/pages/" + PAGE_ID)).withRequestBody(equalToJson("""
                {"properties": {"Tags": {"multi_select": [{"name": "Funded"}, {"name": "Budget Alert"}]}}}""")));
        assertThat(out.path("name").asText()).isEqualTo("Harbour Clean-up");
        assertThat(out.path("tags").toString()).isEqualTo("[\"Funded\",\"Budget Alert\"]");
    }

    @Test
    void removesTagsFromAnOpportunity() throws Exception {
        notion.stubFor(get("/v1/pages/" + PAGE_ID).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page("Old", "Hot", "Stale"))));
        notion.stubFor(patch(urlEqualTo("/v1/pages/" + PAGE_ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page("Hot"))));
        var config = StepFixture.config(NotionUpdateOpportunityAction.Config.class, "{\"opportunity_id\": \""
                + PAGE_ID + "\", \"updates\": {\"stage\": \"Closed Won\", \"tags\": {\"remove\": [\"Stale\"]}}}");

        new NotionUpdateOpportunityAction().execute(config, context);

        notion.verify(patchRequestedFor(urlEqualTo("/v1/pages/" + PAGE_ID)).withRequestBody(equalToJson("""
                {"properties": {"Stage": {"select": {"name": "Closed Won"}},
                                "Tags": {"multi_select": [{"name": "Old"}, {"name": "Hot"}]}}}""")));
    }

    @Test
    void aRefusedTokenFailsForGoodWithoutRepeatingTheToken() {
        notion.stubFor(post("/v1/pages").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"error\",\"code\":\"unauthorized\",\"message\":\"API token " + TOKEN
                        + " is invalid.\"}")));
        var config = StepFixture.config(NotionCreateProjectAction.Config.class,
                "{\"project_data\": {\"name\": \"X\"}}");

        assertThatThrownBy(() -> new NotionCreateProjectAction().execute(config, context))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("Notion answered 401")
                .hasMessageContaining("notion connection 'notion'")
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining("CANARY");
    }

    @Test
    void aNotionOutageMayBeRetried() {
        notion.stubFor(post("/v1/pages").willReturn(aResponse().withStatus(503)));
        var config = StepFixture.config(NotionCreateProjectAction.Config.class,
                "{\"project_data\": {\"name\": \"X\"}}");

        assertThatThrownBy(() -> new NotionCreateProjectAction().execute(config, context))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void refusesAnUpdateWithoutChangesAndAPageIdThatIsNotOne() {
        var empty = StepFixture.config(NotionUpdateProjectAction.Config.class,
                "{\"project_id\": \"" + PAGE_ID + "\", \"updates\": {}}");
        var badId = StepFixture.config(NotionUpdateProjectAction.Config.class,
                "{\"project_id\": \"../../v1/users\", \"updates\": {\"status\": \"Done\"}}");

        assertThatThrownBy(() -> new NotionUpdateProjectAction().execute(empty, context))
                .hasMessageContaining("updates names no field to change");
        assertThatThrownBy(() -> new NotionUpdateProjectAction().execute(badId, context))
                .hasMessageContaining("is not a Notion page id");
        assertThat(notion.getAllServeEvents()).isEmpty();
    }

    private static String page(String... tags) {
        StringBuilder multi = new StringBuilder();
        for (String tag : tags) {
            multi.append(multi.isEmpty() ? "" : ",").append("{\"name\":\"").append(tag).append("\"}");
        }
        return "{\"object\":\"page\",\"id\":\"" + PAGE_ID + "\",\"url\":\"https://www.notion.so/p1\",\"properties\":{"
                + "\"Name\":{\"type\":\"title\",\"title\":[{\"plain_text\":\"Harbour Clean-up\"}]},"
                + "\"Tags\":{\"type\":\"multi_select\",\"multi_select\":[" + multi + "]}}}";
    }
}
