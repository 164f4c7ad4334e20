package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.spi.ActionDescriptor;
import java.util.List;

/**
 * {@code notion.create_opportunity}: a page in the opportunities database of the notion connection
 * ({@code POST /v1/pages}).
 * Output: {@code {id, url, name, stage, area, amount, probability, primary_contact, tags, description}}.
 */
public final class NotionCreateOpportunityAction extends NotionPageCreate<NotionCreateOpportunityAction.Config> {

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

    public NotionCreateOpportunityAction() {
        super(NotionDatabase.OPPORTUNITIES, Config::opportunityData, Config::connection);
    }

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("notion.create_opportunity", "notion", "Create Opportunity", "💰",
                "Creates an opportunity page in the Notion opportunities database", Config.class);
    }
}
