package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.spi.ActionDescriptor;
import java.util.List;

/**
 * {@code notion.create_project}: a page in the projects database of the notion connection ({@code POST /v1/pages}).
 * Output: {@code {id, url, name, area, status, funding, lead, revenue_potential, tags, description}}.
 */
public final class NotionCreateProjectAction extends NotionPageCreate<NotionCreateProjectAction.Config> {

    public record Config(
            @JsonProperty(defaultValue = "notion")
            @JsonPropertyDescription("Name of a notion connection (default: notion)") String connection,
            @JsonProperty(required = true) @JsonPropertyDescription("The new project") ProjectData projectData) {}

    /** A project as the design describes it; each field is a property of the Notion database. */
    public record ProjectData(
            @JsonProperty(required = true) @JsonPropertyDescription("Project name (the page title)") String name,
            @JsonPropertyDescription("Area (select)") String area,
            @JsonPropertyDescription("Status (select), such as Active") String status,
            @JsonPropertyDescription("Funding (select), such as Funded") String funding,
            @JsonPropertyDescription("Lead: a Notion user id (people) or a name or {name, email} (text)") Object lead,
            @JsonPropertyDescription("Revenue Potential: a number such as 25000, or text such as \"25,000\"")
            Object revenuePotential,
            @JsonPropertyDescription("Tags (multi-select)") List<String> tags,
            @JsonPropertyDescription("Description (text)") String description) {}

    public NotionCreateProjectAction() {
        super(NotionDatabase.PROJECTS, Config::projectData, Config::connection);
    }

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("notion.create_project", "notion", "Create Project", "📄",
                "Creates a project page in the Notion projects database", Config.class);
    }
}
