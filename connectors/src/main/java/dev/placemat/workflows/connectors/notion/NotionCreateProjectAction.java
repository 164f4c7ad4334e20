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
 * {@code notion.create_project}: a page in the projects database of the notion connection ({@code POST /v1/pages}).
 * Output: {@code {id, url, name, area, status, funding, lead, revenue_potential, tags, description}}.
 */
public final class NotionCreateProjectAction implements TaskAction<NotionCreateProjectAction.Config> {

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

    private final NotionPages pages = new NotionPages();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("notion.create_project", "notion", "Create Project", "📄",
                "Creates a project page in the Notion projects database", Config.class);
    }

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", NotionClient.CONNECTION_TYPE, NotionClient.DEFAULT_CONNECTION));
    }

    @Override
    public CompletableFuture<ObjectNode> execute(Config config, StepContext context) throws StepFailure {
        if (config.projectData() == null) {
            throw StepFailure.permanent("project_data is empty after templates were resolved");
        }
        return pages.create(NotionDatabase.PROJECTS, config.projectData(), config.connection(), context);
    }

    /** Not safe: running it again after a crash could create a second page (retries look for the first). */
    @Override
    public boolean repeatSafe(Config config) {
        return false;
    }
}
