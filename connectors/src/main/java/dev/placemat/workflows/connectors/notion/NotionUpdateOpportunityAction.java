package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code notion.update_opportunity}: changes the given fields of an opportunity page
 * ({@code PATCH /v1/pages/{id}}); tags
 * are added to or removed from the page's current tags. Output as for {@code notion.create_opportunity}.
 */
public final class NotionUpdateOpportunityAction implements TaskAction<NotionUpdateOpportunityAction.Config> {

    public record Config(
            @JsonProperty(defaultValue = "notion")
            @JsonPropertyDescription("Name of a notion connection (default: notion)") String connection,
            @JsonProperty(required = true) @JsonPropertyDescription("Id of the opportunity's Notion page")
            String opportunityId,
            @JsonProperty(required = true) @JsonPropertyDescription("The fields to change")
            OpportunityUpdates updates) {}

    /** Fields of an opportunity to change; absent fields stay as they are. */
    public record OpportunityUpdates(
            @JsonPropertyDescription("Opportunity name (the page title)") String name,
            @JsonPropertyDescription("Stage (select)") String stage,
            @JsonPropertyDescription("Area (select)") String area,
            @JsonPropertyDescription("Amount: a number such as 12000, or text such as \"12,000\"") Object amount,
            @JsonPropertyDescription("Probability in percent, a number") Object probability,
            @JsonPropertyDescription("Primary Contact: a Notion user id (people) or a name or {name, email} (text)")
            Object primaryContact,
            @JsonPropertyDescription("Tags to add or remove: {add: [...], remove: [...]}") TagChanges tags,
            @JsonPropertyDescription("Description (text)") String description) {}

    private final NotionPages pages = new NotionPages();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("notion.update_opportunity", "notion", "Update Opportunity", "📊",
                "Changes fields and tags of an opportunity page in Notion", Config.class);
    }

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", NotionClient.CONNECTION_TYPE, NotionClient.DEFAULT_CONNECTION));
    }

    @Override
    public CompletableFuture<ObjectNode> execute(Config config, StepContext context) throws StepFailure {
        if (config.updates() == null) {
            throw StepFailure.permanent("updates is empty after templates were resolved");
        }
        return pages.update(NotionDatabase.OPPORTUNITIES, config.opportunityId(), config.updates(), config.connection(),
                context);
    }

    /** Safe: it sets fields of one page by id, so running it again leaves the page as one run does. */
    @Override
    public boolean repeatSafe(Config config) {
        return true;
    }
}
