package dev.placemat.workflows.connectors.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataTransformActionTest {

    private static StepFixture fixture;
    private static StepContext context;
    private final DataTransformAction action = new DataTransformAction();

    @BeforeAll
    static void start() {
        fixture = new StepFixture();
        context = fixture.context(StepFixture.json("""
                {"webhook_data": {"items": [{"price": 80, "sku": "a"}, {"price": 40, "sku": "b"}]},
                 "step_1": {"name": "Acme"}}"""), new TestServices());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private JsonNode run(String config) throws Exception {
        return StepFixture.output(action.execute(StepFixture.config(DataTransformAction.Config.class, config), context));
    }

    @Test
    void evaluatesAnExpressionOverTheWholeContext() throws Exception {
        JsonNode out = run("{\"expression\": \"{'total': $sum(webhook_data.items.price), 'who': step_1.name}\"}");
        assertThat(out.toString()).isEqualTo("{\"total\":120,\"who\":\"Acme\"}");
    }

    @Test
    void givesEveryRunItsOwnAnswerAcrossThreadsAndThousandsOfRuns() throws Exception {
        String config = "{\"expression\": \"{'total': $sum(webhook_data.items.price)}\"}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var runs = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int t = 0; t < 4; t++) {
                int price = 1000 * (t + 1);
                StepContext own = fixture.context(StepFixture.json("{\"webhook_data\": {\"items\": [{\"price\": "
                        + price + "}, {\"price\": 1}]}}"), new TestServices());
                runs.add(pool.submit(() -> {
                    int right = 0;
                    for (int i = 0; i < 20_000; i++) {
                        JsonNode out = StepFixture.output(action.execute(
                                StepFixture.config(DataTransformAction.Config.class, config), own));
                        right += out.get("total").asInt() == price + 1 ? 1 : 0;
                    }
                    return right;
                }));
            }
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(20_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void appliesTheDesignsTransformationToOneField() throws Exception {
        JsonNode out = run("{\"input_field\": \"webhook_data.items\", \"transformation\": \"sku\", "
                + "\"output_field\": \"skus\"}");
        assertThat(out.toString()).isEqualTo("{\"skus\":[\"a\",\"b\"]}");
    }

    @Test
    void stopsAnExpressionThatRunsTooLongWithAClearError() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> run("{\"expression\": \"($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) + "
                + "$f($n - 1) }; $f(40))\"}"))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageStartingWith("JSONata evaluation failed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void explainsAnExpressionThatCannotBeParsed() {
        assertThatThrownBy(() -> run("{\"expression\": \"{'a': \"}"))
                .isInstanceOf(StepFailure.class).hasMessageContaining("cannot be parsed");
    }

    @Test
    void cannotReachJava() throws Exception {
        assertThatThrownBy(() -> run("{\"expression\": \"$eval('T(java.lang.Runtime).getRuntime()')\"}"))
                .isInstanceOf(StepFailure.class);
        JsonNode out = run("{\"expression\": \"$string(webhook_data)\"}");
        assertThat(out.asText()).contains("price");
    }
}
