package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.spi.ActionDescriptor;

/**
 * {@code notion.update_opportunity}: changes the given fields of an opportunity page
 * ({@code PATCH /v1/pages/{id}}); tags
 * are added to or removed from the page's current tags. Output as for {@code notion.create_opportunity}.
 */
public final class NotionUpdateOpportunityAction extends NotionPageUpdate<NotionUpdateOpportunityAction.Config> {

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

    public NotionUpdateOpportunityAction() {
        super(NotionDatabase.OPPORTUNITIES, Config::opportunityId, Config::updates, Config::connection);
    }

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("notion.update_opportunity", "notion", "Update Opportunity", "📊",
                "Changes fields and tags of an opportunity page in Notion", Config.class);
    }
}
