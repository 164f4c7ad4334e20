package dev.placemat.workflows.runtime;

import static dev.placemat.workflows.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.compiler.CompiledWorkflow;
import dev.placemat.workflows.compiler.WorkflowCompiler;
import dev.placemat.workflows.testing.Definitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compiled routes run in a real CamelContext; step records are collected in memory. */
class RouteExecutionTest {

    private static DefaultCamelContext camel;
    private static ExecutorService workers;
    private static WorkflowCompiler compiler;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().addInterceptStrategy(new StepRecorder());
        camel.start();
        workers = Executors.newCachedThreadPool();
        compiler = new WorkflowCompiler(Definitions.REGISTRY, workers, null);
    }

    @AfterAll
    static void stop() {
        camel.stop();
        workers.shutdownNow();
    }

    private record Run(Exchange exchange, List<StepRecord> records, ExecutionState state) {}

    private static Run run(String steps, String triggerData) throws Exception {
        String key = UUID.randomUUID().toString();
        CompiledWorkflow compiled = compiler.compile("wf", Definitions.webhook(steps), key);
        camel.addRouteDefinition(compiled.body());
        List<StepRecord> records = Collections.synchronizedList(new ArrayList<>());
        ExecutionState state = new ExecutionState(key, "wf", (ObjectNode) json(triggerData), records::add);
        Exchange exchange = new DefaultExchange(camel);
        state.attachTo(exchange);
        camel.createProducerTemplate().send(compiled.endpoint(), exchange);
        camel.removeRoute(compiled.body().getRouteId());
        return new Run(exchange, records, state);
    }

    @Test
    void retriesWithExponentialBackoffThenSucceeds() throws Exception {
        Run run = run("[{'action_type':'test.flaky','config':{'fail_times':2},"
                + "'retry_config':{'max_retries':3,'retry_delay':100,'backoff_multiplier':2}}]", "{}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.records()).extracting(StepRecord::attempt, StepRecord::status).containsExactly(
                tuple(1, StepStatus.FAILED), tuple(2, StepStatus.FAILED), tuple(3, StepStatus.COMPLETED));
        Duration firstGap = Duration.between(run.records().get(0).completedAt(), run.records().get(1).startedAt());
        Duration secondGap = Duration.between(run.records().get(1).completedAt(), run.records().get(2).startedAt());
        assertThat(firstGap).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(secondGap).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(run.state().at("step_1.calls").asInt()).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxRetriesAndFailsTheExecution() throws Exception {
        Run run = run("[{'action_type':'test.flaky','config':{'fail_times':5},"
                + "'retry_config':{'max_retries':1,'retry_delay':1}},{'action_type':'test.echo'}]", "{}");
        assertThat(run.exchange().getException()).hasMessage("failed on call 2");
        assertThat(run.records()).extracting(StepRecord::stepKey, StepRecord::attempt)
                .containsExactly(tuple("1", 1), tuple("1", 2));
    }

    @Test
    void doesNotRetryPermanentFailures() throws Exception {
        Run run = run("[{'action_type':'test.flaky','config':{'fail_times':5,'permanent':true},"
                + "'retry_config':{'max_retries':3,'retry_delay':1}}]", "{}");
        assertThat(run.records()).hasSize(1);
        assertThat(run.exchange().getException()).hasMessage("refused on call 1");
    }

    @Test
    void countsAttemptsPerStepAfterAnEarlierStepWasRetried() throws Exception {
        Run run = run("[{'action_type':'test.flaky','config':{'fail_times':1},'retry_config':{'max_retries':2,"
                + "'retry_delay':1}},{'action_type':'test.flaky','config':{'fail_times':2},'retry_config':"
                + "{'max_retries':2,'retry_delay':1}}]", "{}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.records()).extracting(StepRecord::stepKey, StepRecord::attempt).containsExactly(
                tuple("1", 1), tuple("1", 2), tuple("2", 1), tuple("2", 2), tuple("2", 3));
    }

    @Test
    void recordsAStepWhoseConditionIsFalseAsSkipped() throws Exception {
        Run run = run("[{'action_type':'test.echo','config':{'value':1},'condition':{'field':'webhook_data.n',"
                + "'operator':'greater_than','value':10}},{'action_type':'test.echo','config':{'value':2}}]",
                "{'webhook_data':{'n':3}}");
        assertThat(run.records()).extracting(StepRecord::stepKey, StepRecord::status)
                .containsExactly(tuple("1", StepStatus.SKIPPED), tuple("2", StepStatus.COMPLETED));
    }

    @Test
    void failsAStepThatRunsLongerThanItsTimeout() throws Exception {
        Run run = run("[{'action_type':'test.sleep','config':{'millis':5000},'timeout_seconds':1,"
                + "'retry_config':{'max_retries':0}}]", "{}");
        assertThat(run.records()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(StepStatus.FAILED);
            assertThat(r.error()).contains("timed out after 1 s");
            assertThat(Duration.between(r.startedAt(), r.completedAt())).isLessThan(Duration.ofSeconds(3));
        });
    }

    @Test
    void runsActionsThatOnlyComputeOnTheExecutionsThreadAndOthersOnAWorker() throws Exception {
        Run run = run("[{'action_type':'test.thread'},{'action_type':'test.thread.inline'}]", "{}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.state().at("step_2").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(run.state().at("step_1").asText()).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void runsTheBranchTheConditionChooses() throws Exception {
        Run run = run("[{'action_type':'control.condition','config':{'conditions':[{'field':'webhook_data.amount',"
                + "'operator':'greater_than','value':90}],'then_actions':[{'action_type':'test.echo','config':"
                + "{'value':'alert'}}],'else_actions':[{'action_type':'test.echo','config':{'value':'fine'}}]}}]",
                "{'webhook_data':{'amount':95}}");
        assertThat(run.records()).extracting(StepRecord::stepKey).containsExactly("1", "1.then.1");
        assertThat(run.state().at("step_1")).isEqualTo(json("{'condition_met':true,'branch':'then','results':['alert']}"));
    }

    @Test
    void loopsOverItemsUpToMaxIterations() throws Exception {
        Run run = run("[{'action_type':'control.loop','config':{'items_field':'webhook_data.items','max_iterations':2,"
                + "'loop_actions':[{'action_type':'test.echo','config':{'value':'{{loop.index}}:{{loop.item.n}}'}}]}}]",
                "{'webhook_data':{'items':[{'n':'a'},{'n':'b'},{'n':'c'}]}}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.state().at("step_1")).isEqualTo(
                json("{'items':3,'iterations':2,'truncated':true,'results':['0:a','1:b']}"));
        assertThat(run.state().at("loop").isMissingNode()).isTrue();
    }

    @Test
    void waitsWithoutFailing() throws Exception {
        long start = System.nanoTime();
        Run run = run("[{'action_type':'control.wait','config':{'duration_seconds':0.2}},{'action_type':'test.echo'}]", "{}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(run.records()).extracting(StepRecord::stepKey, StepRecord::status)
                .containsExactly(tuple("1", StepStatus.COMPLETED), tuple("2", StepStatus.COMPLETED));
    }

    @Test
    void waitsAtLeastWhatTheServiceAskedForBeforeTheNextAttempt() throws Exception {
        Run run = run("[{'action_type':'test.rate_limited','config':{'fail_times':1,'retry_after_ms':700},"
                + "'retry_config':{'max_retries':2,'retry_delay':10,'backoff_multiplier':1}}]", "{}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.records()).extracting(StepRecord::attempt, StepRecord::status)
                .containsExactly(tuple(1, StepStatus.FAILED), tuple(2, StepStatus.COMPLETED));
        assertThat(run.records().get(0).error())
                .isEqualTo("HTTP 429 on call 1; attempt 2 waits 1 s, as the service asked (Retry-After)");
        Duration gap = Duration.between(run.records().get(0).completedAt(), run.records().get(1).startedAt());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void keepsThePolicysDelayWhenItIsLongerThanWhatTheServiceAskedFor() throws Exception {
        Run run = run("[{'action_type':'test.rate_limited','config':{'fail_times':1,'retry_after_ms':1},"
                + "'retry_config':{'max_retries':1,'retry_delay':400}}]", "{}");
        Duration gap = Duration.between(run.records().get(0).completedAt(), run.records().get(1).startedAt());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void failsAtOnceWhenTheServiceAsksForLongerThanTheStepMayWait() throws Exception {
        Run run = run("[{'action_type':'test.rate_limited','config':{'fail_times':1,'retry_after_ms':90000},"
                + "'timeout_seconds':60,'retry_config':{'max_retries':3,'retry_delay':10}}]", "{}");
        assertThat(run.records()).singleElement().satisfies(r -> assertThat(r.error())
                .startsWith("rate limited, retry after 90 s: more than the 60 s this step may wait")
                .endsWith("HTTP 429 on call 1"));
    }

    @Test
    void waitsForAnActionThatAnswersWithAStage() throws Exception {
        Run run = run("[{'action_type':'test.later','config':{'value':'done','millis':50}}]", "{}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.state().at("step_1").asText()).isEqualTo("done");
    }

    @Test
    void cancelsAStageThatOutlastsItsStep() throws Exception {
        Run run = run("[{'action_type':'test.later','config':{'value':'late','millis':5000},'timeout_seconds':1,"
                + "'retry_config':{'max_retries':0}}]", "{}");
        assertThat(run.records()).singleElement().satisfies(r -> {
            assertThat(r.error()).contains("timed out after 1 s");
            assertThat(Duration.between(r.startedAt(), r.completedAt())).isLessThan(Duration.ofSeconds(3));
        });
    }

    @Test
    void failsAStepWhoseRequiredFieldsTemplateLeadsNowhereNamingThePathAndWhatIsThere() throws Exception {
        Run run = run("[{'action_type':'test.greet','config':{'name':'{{webhook_data.person.name}} Jr'}}]",
                "{'webhook_data':{'person':{'first':'Ann','last':'Lee'}}}");
        assertThat(run.records()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(StepStatus.FAILED);
            assertThat(r.error()).isEqualTo("config.name: {{webhook_data.person.name}} resolved to nothing: "
                    + "webhook_data.person has no 'name'; it has: first, last; check the path, or give a default "
                    + "such as {{webhook_data.person.name | default: \"\"}}");
        });
    }

    @Test
    void leavesOutAnOptionalFieldWhoseTemplateLeadsNowhereAndUsesDefaults() throws Exception {
        Run run = run("[{'action_type':'test.greet','config':{'name':'{{webhook_data.nick | default: \\'friend\\'}}',"
                + "'title':'{{webhook_data.title}}'}}]", "{'webhook_data':{}}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.records().get(0).input()).isEqualTo(json("{'name':'friend'}"));
        assertThat(run.state().at("step_1")).isEqualTo(json("{'name':'friend','title':null,'extra':null}"));
    }

    @Test
    void failsOnAMissingValueInsideAFreeFormFieldAndEscapesSubstitutedValuesOnly() throws Exception {
        Run missing = run("[{'action_type':'test.greet','config':{'name':'x','extra':{'order':'{{trigger_data.order}}'}}}]",
                "{'trigger_data':{}}");
        assertThat(missing.records().get(0).error()).startsWith("config.extra.order: {{trigger_data.order}} resolved "
                + "to nothing: trigger_data has no 'order'; it is an empty object");
        Run escaped = run("[{'action_type':'test.greet','config':{'name':'x','title':'<b>{{webhook_data.t}}</b>'}}]",
                "{'webhook_data':{'t':'<i>'}}");
        assertThat(escaped.state().at("step_1.title").asText()).isEqualTo("<b>&lt;i></b>");
    }
}
