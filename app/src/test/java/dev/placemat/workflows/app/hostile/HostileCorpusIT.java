package dev.placemat.workflows.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Users;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The hostile-input corpus (src-test-fixtures/hostile/cases, written by generate.py): every request gets its
 * expected 4xx with an error at the expected path; none a 500, none a stack trace. Cases marked {@code "as":
 * "editor"} are sent by an editor, and {@code {admin_connection}} names an admin's http connection shared with no one;
 * {@code "headers"} are sent along.
 */
class HostileCorpusIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsItsClearRefusal() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:hostile/cases/*.json");
        List<Resource> cases = Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        String webhook = api().deploy(Json.of("{'name':'corpus','trigger':{'type':'webhook','config':{}},'steps':"
                + "[{'action_type':'control.wait','config':{'duration_seconds':0}}]}")).get("webhook_url").asText();
        Api editor = Users.create(api(), port, "editor").api();
        String adminConnection = "corpus-admin-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/connections", Map.of("name", adminConnection, "type", "http",
                "fields", Map.of("allowed_hosts", "api.example.org", "bearer_token", "corpus-admin-token"))).expect(201);
        return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFilename(), () -> {
            JsonNode c = JSON.readTree(file.getInputStream());
            String endpoint = c.get("endpoint").asText().replace("{webhook}", webhook);
            String body = c.get("body").isNull() ? null
                    : c.get("body").asText().replace("{admin_connection}", adminConnection);
            Api sender = "editor".equals(c.path("as").asText()) ? editor : api();
            List<String> headers = new ArrayList<>();
            c.path("headers").fields().forEachRemaining(h -> headers.addAll(List.of(h.getKey(),
                    h.getValue().asText())));
            Api.Answer answer = sender.raw(c.get("method").asText(), endpoint,
                    body == null ? null : c.get("content_type").asText(), body, headers.toArray(String[]::new));
            assertThat(answer.status()).as("%s %s: %s", c.get("method").asText(), endpoint, answer.text())
                    .isEqualTo(c.get("expected_status").asInt());
            assertThat(answer.text()).doesNotContain("\tat ", "Exception:", "at org.", "at java.");
            JsonNode errors = answer.json().get("errors");
            assertThat(errors).as("errors of %s", answer.text()).isNotNull();
            assertThat(errors).extracting(e -> e.get("path").asText()).as(answer.text())
                    .anyMatch(p -> p.startsWith(c.get("expected_path").asText()));
        }));
    }
}
