package dev.placemat.workflows.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class OperatorsIT extends IntegrationTest {

    @Test
    void listsEveryConditionOperatorWithTheValueItTakes() {
        JsonNode operators = api().get("/api/operators").expect(200).json();
        assertThat(operators).hasSize(12);
        assertThat(operators).extracting(o -> o.get("id").asText(), o -> o.get("value").asText())
                .contains(tuple("equals", "one"), tuple("greater_than", "one"), tuple("in", "list"),
                        tuple("not_in", "list"), tuple("exists", "none"), tuple("not_exists", "none"));
        anonymous().get("/api/operators").expect(401);
    }
}
