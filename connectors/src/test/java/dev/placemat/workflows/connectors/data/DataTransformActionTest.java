package dev.placemat.workflows.connectors.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataTransformActionTest {

    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();
    private static StepContext context;
    private final DataTransformAction action = new DataTransformAction();

    @BeforeAll
    static void start() {
        context = FIXTURE.context(StepFixture.json("""
                {"webhook_data": {"items": [{"price": 80, "sku": "a"}, {"price": 40, "sku": "b"}]},
                 "step_1": {"name": "Acme"}}"""), new TestServices());
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
                StepContext own = FIXTURE.context(StepFixture.json("{\"webhook_data\": {\"items\": [{\"price\": "
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
    void aRunDoesNotSeeTheVariablesOfAnEarlierRunOfTheSameExpression() throws Exception {
        String config = "{\"expression\": \"{'before': $tally, 'set': $tally := 1}\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(run(config).toString()).isEqualTo("{\"set\":1}");
        }
    }

    @Test
    void aRunReadsTheClockAtItsOwnStart() throws Exception {
        String clock = "{\"expression\": \"{'at': $millis()}\"}";
        long first = run(clock).get("at").asLong();
        run("{\"expression\": \"{'other': 1}\"}"); // another expression runs on this thread in between
        Thread.sleep(50);
        long second = run(clock).get("at").asLong();
        assertThat(second - first).isGreaterThanOrEqualTo(50);
    }

    @Test
    void seesEveryKindOfJsonValueAsItIs() throws Exception {
        StepContext kinds = FIXTURE.context(StepFixture.json("""
                {"webhook_data": {"amount": 12.50, "count": 3, "big": 12345678901234567890, "ok": true,
                 "none": null, "tags": ["x", ["y", 2]], "nested": {"a": {"b": "c"}}}}"""), new TestServices());
        JsonNode out = StepFixture.output(action.execute(StepFixture.config(DataTransformAction.Config.class, """
                {"expression": "{'total': webhook_data.amount * webhook_data.count, 'big': webhook_data.big, \
                 'ok': webhook_data.ok, 'none': $type(webhook_data.none), 'tags': webhook_data.tags, \
                 'b': webhook_data.nested.a.b, 'absent': $exists(webhook_data.absent)}"}"""), kinds));
        assertThat(out.toString()).isEqualTo("{\"total\":37.5,\"big\":12345678901234567890,\"ok\":true,"
                + "\"none\":\"null\",\"tags\":[\"x\",[\"y\",2]],\"b\":\"c\",\"absent\":false}");
        JsonNode field = StepFixture.output(action.execute(StepFixture.config(DataTransformAction.Config.class, """
                {"input_field": "webhook_data.absent", "transformation": "$exists($)"}"""), kinds));
        assertThat(field.toString()).isEqualTo("{\"result\":false}");
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
                .hasMessageStartingWith("timeout: the expression ran longer than 1000 ms");
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
        // even an expression the library's $eval would run is refused: the replacement is bound wherever it is named
        assertThatThrownBy(() -> run("{\"expression\": \"$eval('1 + 1')\"}"))
                .isInstanceOf(StepFailure.class).hasMessageContaining("$eval is not available");
        JsonNode out = run("{\"expression\": \"$string(webhook_data)\"}");
        assertThat(out.asText()).contains("price");
    }

    /**
     * Each of these pinned a core for seconds to minutes, or took hundreds of megabytes, before it was bounded; each
     * is stopped by the limit named.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        $pad('', 100000000) | characters; at most 1000000
        $pad('x', -100000000, 'ab') | characters; at most 1000000
        $replace('aaaaaaaaaa', 'a', 'a', 2147483647) & $pad('', 2000000) | characters; at most 1000000
        [1..10000000] | items; at most 100000
        $count([1..10000000].($ + 1)) | items; at most 100000
        ([1,2]; $count([1..10000000].($ + 1))) | items; at most 100000
        ($s := $pad('', 999999); $join([1..1000].($s))) | characters; at most 1000000
        ($s := $pad('', 999999); $string([1..1000].($s))) | characters; at most 1000000
        ($s := $pad('', 999999); [1..100000].($s)) | more than 5000000 characters of JSON
        ($s := '0123456789'; $d := function($x, $n) { $n = 0 ? $x : $d($x & $x, $n - 1) }; $d($s, 30)) | characters; at most 1000000
        $split($pad('', 999999), '') | items; at most 100000
        $match($pad('', 999999, 'a'), /a/) | items; at most 100000
        $replace($pad('', 999999, 'a'), /a/, $pad('', 1000, 'b')) | characters; at most 1000000
        ($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) + $f($n - 1) }; $f(40)) | timeout: the expression ran longer than 1000 ms
        ($f := function($n) { $f($n + 1) }; $f(0)) | timeout: the expression ran longer than 1000 ms
        """)
    void stopsExpressionsThatWouldTakeTheMachineWithinTheirLimit(String expression, String limit) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> run(StepFixture.JSON.createObjectNode().put("expression", expression).toString()))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining(limit);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void namesTheSizeLimitWhenAValueWouldBeTooLarge() {
        assertThatThrownBy(() -> run("{\"expression\": \"$pad('', 100000000)\"}"))
                .isInstanceOf(StepFailure.class)
                .hasMessage("the expression made a string of 100000000 characters; at most 1000000 are allowed");
    }

    @Test
    void keepsTheMeaningOfTheReplacedFunctions() throws Exception {
        JsonNode out = run("{\"expression\": \"["
                + "$pad('ab', 5, '-'), $pad('ab', -5, 'xy'), $pad('abcdef', 3), $join(['a','b','c'], ', '),"
                + "$string({'a': [1, 2.5, 'x']}), $string(7), $replace('a-b-c', '-', '+'), $replace('a-b-c', '-', '+', 1),"
                + "$replace('John Smith', /(\\\\w+)\\\\s(\\\\w+)/, '$2, $1'), $replace('x', 'x', '$$'),"
                + "$replace('abc', /b/, function($m) { $uppercase($m.match) & $m.index }),"
                + "$split('a,b,,c', ','), $split('a1b22c', /[0-9]+/), $split('abc', ''), $split('a,b,c', ',', 2),"
                + "$match('ab12cd345', /[0-9]+/).match, $match('ab12cd345', /([a-z])([0-9])/, 1).groups,"
                + "$contains('abc', 'bc'), $contains('abc', /^a/), $contains('abc', /z/)]\"}");
        assertThat(out.toString()).isEqualTo("[\"ab---\",\"xyxab\",\"abcdef\",\"a, b, c\","
                + "\"{\\\"a\\\":[1,2.5,\\\"x\\\"]}\",\"7\",\"a+b+c\",\"a+b-c\",\"Smith, John\",\"$$\","
                + "\"aB1c\",\"a\",\"b\",\"\",\"c\",\"a\",\"b\",\"c\",\"a\",\"b\",\"c\",\"a\",\"b\","
                + "\"12\",\"345\",\"b\",\"1\",true,true,false]");
    }

    @Test
    void stopsWhenTheStepIsGivenUp() {
        StepContext given = (StepContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StepContext.class}, (proxy, method, args) -> method.getName().equals("cancelled")
                        ? Boolean.TRUE : method.invoke(context, args));
        assertThatThrownBy(() -> action.execute(StepFixture.config(DataTransformAction.Config.class,
                "{\"expression\": \"$count([1..50000].($ + 1))\"}"), given))
                .isInstanceOf(StepFailure.class).hasMessageContaining("was stopped");
    }
}
