package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code notion.create_opportunity}: a page in the opportunities database of the notion connection
 * ({@code POST /v1/pages}).
 * Output: {@code {id, url, name, stage, area, amount, probability, primary_contact, tags, description}}.
 */
public final class NotionCreateOpportunityAction implements TaskAction<NotionCreateOpportunityAction.Config> {

    public record Config(
            @JsonProperty(defaultValue = "notion")
            @JsonPropertyDescription("Name of a notion connection (default: notion)") String connection,
            @JsonProperty(required = true) @JsonPropertyDescription("The new opportunity")
            OpportunityData opportunityData) {}

    /** An opportunity; each field is a property of the Notion database. */
    public record OpportunityData(
            @JsonProperty(required = true) @JsonPropertyDescription("Opportunity name (the page title)") String name,
            @JsonPropertyDescription("Stage (select), such as Closed Won") String stage,
            @JsonPropertyDescription("Area (select)") String area,
            @JsonPropertyDescription("Amount: a number such as 12000, or text such as \"12,000\"") Object amount,
            @JsonPropertyDescription("Probability in percent, a number") Object probability,
            @JsonPropertyDescription("Primary Contact: a Notion user id (people) or a name or {name, email} (text)")
            Object primaryContact,
            @JsonPropertyDescription("Tags (multi-select)") List<String> tags,
            @JsonPropertyDescription("Description (text)") String description) {}

    private final NotionPages pages = new NotionPages();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("notion.create_opportunity", "notion", "Create Opportunity", "💰",
                "Creates an opportunity page in the Notion opportunities database", Config.class);
    }

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", NotionClient.CONNECTION_TYPE, NotionClient.DEFAULT_CONNECTION));
    }

    @Override
    public CompletableFuture<ObjectNode> execute(Config config, StepContext context) throws StepFailure {
        if (config.opportunityData() == null) {
            throw StepFailure.permanent("opportunity_data is empty after templates were resolved");
        }
        return pages.create(NotionDatabase.OPPORTUNITIES, config.opportunityData(), config.connection(), context);
    }

    /** Not safe: running it again after a crash could create a second page (retries look for the first). */
    @Override
    public boolean repeatSafe(Config config) {
        return false;
    }
}
