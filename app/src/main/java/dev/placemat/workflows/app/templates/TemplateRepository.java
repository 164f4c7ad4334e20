package dev.placemat.workflows.app.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.db.StoredJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Workflow templates in {@code workflow_templates}. The built-in ones ({@code classpath:templates/*.json}, the
 * design's three) are written at startup under fixed ids, keeping their usage counts.
 */
@Repository
@RequiredArgsConstructor
public class TemplateRepository implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final StoredJson json;

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:templates/*.json")) {
            JsonNode t = read(resource);
            jdbc.sql("INSERT INTO workflow_templates (id, name, category, description, template_config, is_public) "
                            + "VALUES (:id, :name, :category, :description, :config::jsonb, true) ON CONFLICT (id) DO UPDATE "
                            + "SET name = EXCLUDED.name, category = EXCLUDED.category, description = EXCLUDED.description, "
                            + "template_config = EXCLUDED.template_config")
                    .param("id", UUID.fromString(t.get("id").asText()))
                    .param("name", t.get("name").asText())
                    .param("category", t.get("category").asText())
                    .param("description", t.get("description").asText())
                    .param("config", json.write(t.get("template_config")))
                    .update();
        }
    }

    public List<Template> list() {
        return jdbc.sql("SELECT id, name, category, description, template_config, usage_count FROM workflow_templates "
                        + "WHERE is_public ORDER BY name")
                .query((rs, n) -> new Template(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("category"), rs.getString("description"),
                        json.read(rs.getString("template_config")), rs.getInt("usage_count")))
                .list();
    }

    /** The template's definition, counting one more use. */
    public Optional<JsonNode> use(UUID id) {
        return jdbc.sql("UPDATE workflow_templates SET usage_count = usage_count + 1 WHERE id = :id "
                        + "RETURNING template_config")
                .param("id", id)
                .query((rs, n) -> json.read(rs.getString(1)))
                .optional();
    }

    private JsonNode read(Resource resource) {
        try {
            return json.read(resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("template " + resource.getFilename() + " cannot be read", e);
        }
    }
}
