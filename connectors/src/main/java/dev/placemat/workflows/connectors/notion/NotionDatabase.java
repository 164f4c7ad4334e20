package dev.placemat.workflows.connectors.notion;

import dev.placemat.workflows.connectors.notion.NotionProperty.Kind;
import java.util.List;

/** The two Notion databases of the design, and how the design's fields map onto their properties. */
enum NotionDatabase {
    PROJECTS("project", "projects_database_id", List.of(
            new NotionProperty("name", "Name", Kind.TITLE),
            new NotionProperty("area", "Area", Kind.SELECT),
            new NotionProperty("status", "Status", Kind.SELECT),
            new NotionProperty("funding", "Funding", Kind.SELECT),
            new NotionProperty("lead", "Lead", Kind.PERSON),
            new NotionProperty("revenue_potential", "Revenue Potential", Kind.NUMBER),
            new NotionProperty("tags", "Tags", Kind.MULTI_SELECT),
            new NotionProperty("description", "Description", Kind.RICH_TEXT))),
    OPPORTUNITIES("opportunity", "opportunities_database_id", List.of(
            new NotionProperty("name", "Name", Kind.TITLE),
            new NotionProperty("stage", "Stage", Kind.SELECT),
            new NotionProperty("area", "Area", Kind.SELECT),
            new NotionProperty("amount", "Amount", Kind.NUMBER),
            new NotionProperty("probability", "Probability", Kind.NUMBER),
            new NotionProperty("primary_contact", "Primary Contact", Kind.PERSON),
            new NotionProperty("tags", "Tags", Kind.MULTI_SELECT),
            new NotionProperty("description", "Description", Kind.RICH_TEXT)));

    static final String TAGS = "tags";

    private final String noun;
    private final String databaseField;
    private final List<NotionProperty> properties;

    NotionDatabase(String noun, String databaseField, List<NotionProperty> properties) {
        this.noun = noun;
        this.databaseField = databaseField;
        this.properties = properties;
    }

    /** {@code project} or {@code opportunity}, for messages. */
    String noun() {
        return noun;
    }

    /** The connection field holding the database id. */
    String databaseField() {
        return databaseField;
    }

    List<NotionProperty> properties() {
        return properties;
    }
}
