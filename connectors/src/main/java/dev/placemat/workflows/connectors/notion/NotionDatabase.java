package dev.placemat.workflows.connectors.notion;

import java.util.List;

/**
 * The two Notion databases of the design, and which property holds each of the design's fields. The type of each
 * property is the database's own, read from its schema ({@link NotionSchema}); {@code name} is the title, whatever
 * the title property is called.
 */
enum NotionDatabase {
    PROJECTS("project", "projects_database_id", List.of(
            new Field("area", "Area"),
            new Field("status", "Status"),
            new Field("funding", "Funding"),
            new Field("lead", "Lead"),
            new Field("revenue_potential", "Revenue Potential"),
            new Field("tags", "Tags"),
            new Field("description", "Description"))),
    OPPORTUNITIES("opportunity", "opportunities_database_id", List.of(
            new Field("stage", "Stage"),
            new Field("area", "Area"),
            new Field("amount", "Amount"),
            new Field("probability", "Probability"),
            new Field("primary_contact", "Primary Contact"),
            new Field("tags", "Tags"),
            new Field("description", "Description")));

    /** One of the design's fields ({@code revenue_potential}) and the property that holds it ({@code Revenue Potential}). */
    record Field(String field, String property) {}

    static final String NAME = "name";
    static final String TAGS = "tags";

    private final String noun;
    private final String databaseField;
    private final List<Field> fields;

    NotionDatabase(String noun, String databaseField, List<Field> fields) {
        this.noun = noun;
        this.databaseField = databaseField;
        this.fields = fields;
    }

    /** {@code project} or {@code opportunity}, for messages. */
    String noun() {
        return noun;
    }

    /** The connection field holding the database id. */
    String databaseField() {
        return databaseField;
    }

    /** The fields besides {@code name}. */
    List<Field> fields() {
        return fields;
    }

    /** Every field name, {@code name} first, for messages. */
    List<String> fieldNames() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(NAME), fields.stream().map(Field::field))
                .toList();
    }
}
