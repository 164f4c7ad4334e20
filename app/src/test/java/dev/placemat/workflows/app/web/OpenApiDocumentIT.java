package dev.placemat.workflows.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the app serves (springdoc, from the controllers) against docs/api.md, and the copy the designer
 * generates its API types from before every build ({@code designer-ui/openapi.json} into {@code src/api/schema.ts}).
 */
class OpenApiDocumentIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Path DOCS = Path.of("..", "docs", "api.md");
    private static final Path DESIGNER_COPY = Path.of("..", "designer-ui", "openapi.json");
    private static final Path SERVED_COPY = Path.of("target", "openapi.json");
    /** Documented, but not controllers of /api: Camel serves webhooks, Spring Boot Actuator its endpoints. */
    private static final List<String> NOT_IN_THE_DOCUMENT = List.of("/webhooks/", "/actuator/");
    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`\\s?]*)");

    private JsonNode document() {
        return api().get("/v3/api-docs").expect(200).json();
    }

    @Test
    void isForAdminsOnly() {
        anonymous().get("/v3/api-docs").expect(401);
        anonymous().get("/swagger-ui/index.html").expect(401);
        String viewer = tokenOfNewUser("viewer");
        Api.withToken(port, viewer).get("/v3/api-docs").expect(403);
        Api.withToken(port, viewer).get("/swagger-ui/index.html").expect(403);
        assertThat(api().get("/swagger-ui/index.html").expect(200).text()).contains("swagger");
    }

    @Test
    void describesEveryEndpointOfTheDocsAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher m = ENDPOINT.matcher(Files.readString(DOCS));
        while (m.find()) {
            if (NOT_IN_THE_DOCUMENT.stream().noneMatch(m.group(2)::startsWith)) {
                documented.add(m.group(1) + " " + normalise(m.group(2)));
            }
        }
        Set<String> served = new TreeSet<>();
        document().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> served.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey()))));
        assertThat(served).as("endpoints the app serves that docs/api.md does not name (as `METHOD /path`)")
                .isSubsetOf(documented);
        assertThat(documented).as("endpoints docs/api.md names that the app does not serve").isSubsetOf(served);
    }

    @Test
    void namesPropertiesInSnakeCaseAndAnswersErrorsAsProblems() {
        JsonNode document = document();
        List<String> camel = document.findValues("properties").stream()
                .flatMap(p -> iterate(p.fieldNames()).stream()).filter(name -> name.matches(".*[a-z][A-Z].*")).toList();
        assertThat(camel).as("camelCase property names").isEmpty();
        JsonNode login = document.get("paths").get("/api/auth/login").get("post");
        assertThat(login.get("responses").get("401").get("content").has("application/problem+json")).isTrue();
        assertThat(document.get("components").get("schemas").get("Problem").get("properties").has("errors")).isTrue();
    }

    @Test
    void theDesignersCopyIsTheServedDocument() throws IOException {
        JsonNode served = document();
        Files.writeString(SERVED_COPY, JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n");
        JsonNode committed = Files.exists(DESIGNER_COPY) ? JSON.readTree(DESIGNER_COPY.toFile()) : null;
        assertThat(committed).as("designer-ui/openapi.json is not the document the app serves: copy "
                + "app/target/openapi.json to designer-ui/openapi.json")
                .isEqualTo(served);
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("(.)/$", "$1");
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
