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
 * {@code notion.update_project}: changes the given fields of a project page ({@code PATCH /v1/pages/{id}}); tags
 * are added to or removed from the page's current tags. Output as for {@code notion.create_project}.
 */
public final class NotionUpdateProjectAction implements TaskAction<NotionUpdateProjectAction.Config> {

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

    private final NotionPages pages = new NotionPages();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("notion.update_project", "notion", "Update Project", "✏️",
                "Changes fields and tags of a project page in Notion", Config.class);
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
        return pages.update(NotionDatabase.PROJECTS, config.projectId(), config.updates(), config.connection(),
                context);
    }

    /** Safe: it sets fields of one page by id, so running it again leaves the page as one run does. */
    @Override
    public boolean repeatSafe(Config config) {
        return true;
    }
}
