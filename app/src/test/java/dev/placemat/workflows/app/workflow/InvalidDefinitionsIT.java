package dev.placemat.workflows.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every fixture under src-test-fixtures/definitions: invalid ones get their errors, malformed ones a 400. */
class InvalidDefinitionsIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fixtures of one folder, from the fixtures jar or directory on the class path. */
    private static List<Resource> fixtures(String folder) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:definitions/" + folder + "/*.json");
        assertThat(found).as("fixtures in definitions/" + folder).isNotEmpty();
        return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
    }

    private static JsonNode json(Resource resource) throws IOException {
        try (var in = resource.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidFixtureGetsItsExpectedErrors() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM workflows").query(Long.class).single();
        return fixtures("invalid").stream().map(file -> DynamicTest.dynamicTest(file.getFilename(), () -> {
            JsonNode fixture = json(file);
            Api.Answer answer = api().post("/api/workflows", fixture.get("definition")).expect(422);
            assertThat(answer.header("content-type")).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            for (JsonNode expected : fixture.get("expected_errors")) {
                assertThat(problem.get("errors")).extracting(e -> e.get("path").asText(), e -> e.get("code").asText())
                        .contains(tuple(expected.get("path").asText(), expected.get("code").asText()));
            }
            assertThat(problem.get("errors")).allSatisfy(e -> assertThat(e.get("message").asText()).isNotBlank());
            assertThat(answer.text()).doesNotContain("Exception", "\tat ");
            assertThat(jdbc.sql("SELECT count(*) FROM workflows").query(Long.class).single()).isEqualTo(before);
        }));
    }

    @TestFactory
    Stream<DynamicTest> malformedJsonGets400() throws Exception {
        return fixtures("malformed").stream().map(file -> DynamicTest.dynamicTest(file.getFilename(), () -> {
            String body = file.getContentAsString(StandardCharsets.UTF_8);
            Api.Answer answer = api().raw("POST", "/api/workflows", "application/json", body).expect(400);
            JsonNode problem = answer.json();
            assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("$");
            assertThat(answer.text()).doesNotContain("Exception", "\tat ");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValidFixtureIsAccepted() throws Exception {
        return fixtures("valid").stream().map(file -> DynamicTest.dynamicTest(file.getFilename(), () -> {
            JsonNode definition = json(file);
            api().post("/api/workflows", definition).expect(201);
        }));
    }
}
