package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.spi.ActionDescriptor;

/**
 * {@code notion.update_project}: changes the given fields of a project page ({@code PATCH /v1/pages/{id}}); tags
 * are added to or removed from the page's current tags. Output as for {@code notion.create_project}.
 */
public final class NotionUpdateProjectAction extends NotionPageUpdate<NotionUpdateProjectAction.Config> {

    public record Config(
            @JsonProperty(defaultValue = "notion")
            @JsonPropertyDescription("Name of a notion connection (default: notion)") String connection,
            @JsonProperty(required = true) @JsonPropertyDescription("Id of the project's Notion page") String projectId,
            @JsonProperty(required = true) @JsonPropertyDescription("The fields to change") ProjectUpdates updates) {}

    /** Fields of a project to change; absent fields stay as they are. */
    public record ProjectUpdates(
            @JsonPropertyDescription("Project name (the page title)") String name,
            @JsonPropertyDescription("Area (select)") String area,
            @JsonPropertyDescription("Status (select)") String status,
            @JsonPropertyDescription("Funding (select)") String funding,
            @JsonPropertyDescription("Lead: a Notion user id (people) or a name or {name, email} (text)") Object lead,
            @JsonPropertyDescription("Revenue Potential: a number such as 25000, or text such as \"25,000\"")
            Object revenuePotential,
            @JsonPropertyDescription("Tags to add or remove: {add: [...], remove: [...]}") TagChanges tags,
            @JsonPropertyDescription("Description (text)") String description) {}

    public NotionUpdateProjectAction() {
        super(NotionDatabase.PROJECTS, Config::projectId, Config::updates, Config::connection);
    }

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("notion.update_project", "notion", "Update Project", "✏️",
                "Changes fields and tags of a project page in Notion", Config.class);
    }
}
