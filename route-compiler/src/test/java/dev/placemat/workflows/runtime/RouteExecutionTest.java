package dev.placemat.workflows.runtime;

import static dev.placemat.workflows.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.compiler.CompiledWorkflow;
import dev.placemat.workflows.compiler.WorkflowCompiler;
import dev.placemat.workflows.testing.Definitions;
import dev.placemat.workflows.testing.TestActions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compiled routes run in a real CamelContext; step records are collected in memory. */
class RouteExecutionTest {

    private static final Duration DURABLE_AFTER = Duration.ofSeconds(2);
    private static DefaultCamelContext camel;
    private static ThreadPoolExecutor workers;
    private static ScheduledExecutorService timers;
    private static WorkflowCompiler compiler;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().addInterceptStrategy(new StepRecorder());
        camel.start();
        workers = new ThreadPoolExecutor(300, 300, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                named("test-worker"));
        timers = Executors.newScheduledThreadPool(2, named("test-timer"));
        compiler = new WorkflowCompiler(Definitions.REGISTRY, new EngineThreads(workers, timers, DURABLE_AFTER), null);
    }

    @AfterAll
    static void stop() {
        camel.stop();
        workers.shutdownNow();
        timers.shutdownNow();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> new Thread(r, name + "-" + n.incrementAndGet());
    }

    /** Collects records: every start and every end, as the database would receive them. */
    private static final class Records implements StepSink {
        final List<StepRecord> started = Collections.synchronizedList(new ArrayList<>());
        final List<StepRecord> ended = Collections.synchronizedList(new ArrayList<>());
        volatile CompletableFuture<Void> durable = CompletableFuture.completedFuture(null);

        @Override
        public CompletionStage<Void> started(StepRecord record) {
            started.add(record);
            return durable;
        }

        /** Keeps the output as it was when the attempt ended, as the database does (control steps add to theirs). */
        @Override
        public void ended(StepRecord record) {
            ended.add(record.output() == null ? record
                    : record.ended(record.status(), record.output().deepCopy(), record.error(), record.completedAt()));
        }
    }

    private record Run(Exchange exchange, List<StepRecord> records, ExecutionState state, Records sink) {

        /** How long the record at {@code index} started after the one before it ended. */
        Duration waitBefore(int index) {
            return Duration.between(records.get(index - 1).completedAt(), records.get(index).startedAt());
        }
    }

    private static Run run(String steps, String triggerData) throws Exception {
        return run(steps, triggerData, UUID.randomUUID().toString(), Journal.EMPTY, ExecutionState.UNLIMITED);
    }

    private static Run run(String steps, String triggerData, String executionId, Journal journal, int maxAttempts)
            throws Exception {
        Records sink = new Records();
        ExecutionState state = new ExecutionState(executionId, "wf", (ObjectNode) json(triggerData), sink, journal,
                maxAttempts, () -> true);
        Exchange exchange = send(steps, state);
        return new Run(exchange, sink.ended, state, sink);
    }

    /** The run's one step failed as timed out after 1 s, and its attempt ended soon after. */
    private static void assertTimedOutAfterOneSecond(Run run) {
        assertThat(run.records()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(StepStatus.FAILED);
            assertThat(r.error()).contains("timed out after 1 s");
            assertThat(Duration.between(r.startedAt(), r.completedAt())).isLessThan(Duration.ofSeconds(3));
        });
    }

    private static Exchange send(String steps, ExecutionState state) throws Exception {
        CompiledWorkflow compiled = compile(steps);
        Exchange exchange = new DefaultExchange(camel);
        state.attachTo(exchange);
        camel.createProducerTemplate().send(compiled.endpoint(), exchange);
        camel.removeRoute(compiled.body().getRouteId());
        return exchange;
    }

    private static CompiledWorkflow compile(String steps) {
        try {
            CompiledWorkflow compiled = compiler.compile("wf", Definitions.webhook(steps), UUID.randomUUID().toString());
            camel.addRouteDefinition(compiled.body());
            return compiled;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void retriesWithExponentialBackoffThenSucceeds() throws Exception {
        Run run = run("[{'action_type':'test.flaky','config':{'fail_times':2},"
                + "'retry_config':{'max_retries':3,'retry_delay':100,'backoff_multiplier':2}}]", "{}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.records()).extracting(StepRecord::attempt, StepRecord::status).containsExactly(
                tuple(1, StepStatus.FAILED), tuple(2, StepStatus.FAILED), tuple(3, StepStatus.COMPLETED));
        assertThat(run.waitBefore(1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(run.waitBefore(2)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
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
        int interruptedBefore = TestActions.Sleep.INTERRUPTED.get();
        Run run = run("[{'action_type':'test.sleep','config':{'millis':5000},'timeout_seconds':1,"
                + "'retry_config':{'max_retries':0}}]", "{}");
        assertTimedOutAfterOneSecond(run);
        // the work stopped too: the sleeping worker was interrupted, not left to run on
        await().atMost(Duration.ofSeconds(2)).until(() -> TestActions.Sleep.INTERRUPTED.get() > interruptedBefore);
    }

    @Test
    void runsActionsThatOnlyComputeOnTheExecutionsThreadAndOthersOnAWorker() throws Exception {
        Run run = run("[{'action_type':'test.thread'},{'action_type':'test.thread.inline'}]", "{}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.state().at("step_1").asText()).startsWith("test-worker");
        assertThat(run.state().at("step_2").asText()).isEqualTo(run.state().at("step_1").asText());
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
        assertThat(run.records()).extracting(StepRecord::stepKey, StepRecord::status).containsExactly(
                tuple("1", StepStatus.WAITING), tuple("1", StepStatus.COMPLETED), tuple("2", StepStatus.COMPLETED));
        assertThat(run.records().get(0).id()).isEqualTo(run.records().get(1).id());
        assertThat(run.records().get(0).output().get("waiting_until").asText()).isNotBlank();
    }

    @Test
    void recordsEveryAttemptWhenItStartsWithItsResolvedInput() throws Exception {
        Run run = run("[{'action_type':'test.echo','config':{'value':'{{webhook_data.a}}'}}]", "{'webhook_data':{'a':5}}");
        assertThat(run.sink().started).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(StepStatus.RUNNING);
            assertThat(r.input().get("value").asInt()).isEqualTo(5);
            assertThat(r.completedAt()).isNull();
        });
        assertThat(run.records().get(0).id()).isEqualTo(run.sink().started.get(0).id());
    }

    @Test
    void runsStepsAfterAWaitOnTheSharedThreadsWithoutACapOnHowManyRunAtOnce() throws Exception {
        TestActions.Block.RELEASE = new CountDownLatch(1);
        TestActions.Block.MOST_HELD.set(0);
        CompiledWorkflow compiled = compile("[{'action_type':'control.wait','config':{'duration_seconds':0.2}},"
                + "{'action_type':'test.thread.inline'},{'action_type':'test.block'}]");
        List<CompletableFuture<Exchange>> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ExecutionState state = new ExecutionState("e" + i, "wf", (ObjectNode) json("{}"), new Records());
            Exchange exchange = new DefaultExchange(camel);
            state.attachTo(exchange);
            runs.add(camel.createProducerTemplate().asyncSend(compiled.endpoint(), exchange));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestActions.Block.HELD.get() == 200);
        TestActions.Block.RELEASE.countDown();
        List<Exchange> done = runs.stream().map(CompletableFuture::join).toList();
        assertThat(TestActions.Block.MOST_HELD.get()).isEqualTo(200);
        // after the delay the route goes on on the shared timers (Camel's own "Delay" pool is never made); one that
        // reached the delay after its time went on at once, on its own thread
        List<String> threads = done.stream().map(e -> ExecutionState.of(e).at("step_2").asText()).toList();
        assertThat(threads).noneMatch(name -> name.contains("Delay")).anyMatch(name -> name.startsWith("test-timer"));
        camel.removeRoute(compiled.body().getRouteId());
    }

    @Test
    void resumesFromItsJournalWithoutRunningDoneStepsAgain() throws Exception {
        String steps = "[{'action_type':'test.count'},{'action_type':'test.echo','config':{'value':'{{step_1.calls}}'}},"
                + "{'action_type':'test.count'}]";
        String id = UUID.randomUUID().toString();
        Run first = run(steps, "{}", id, Journal.EMPTY, ExecutionState.UNLIMITED);
        Journal journal = Journal.of(first.records().subList(0, 1));
        // the output budget counts what earlier runs recorded
        assertThat(journal.outputChars()).isPositive()
                .isEqualTo(first.records().get(0).output().toString().length());
        Run resumed = run(steps, "{}", id, journal, ExecutionState.UNLIMITED);
        assertThat(resumed.records()).extracting(StepRecord::stepKey).containsExactly("2", "3");
        assertThat(TestActions.Count.CALLS.get(id + "/" + id + ":1").get()).isEqualTo(1);
        assertThat(TestActions.Count.CALLS.get(id + "/" + id + ":3").get()).isEqualTo(2);
        assertThat(resumed.state().at("step_2").asInt()).isEqualTo(1);
    }

    @Test
    void recordsEachLoopIterationApartAndResumesAtTheIterationItReached() throws Exception {
        String steps = "[{'action_type':'control.loop','config':{'items_field':'webhook_data.items',"
                + "'loop_actions':[{'action_type':'test.count'}]}}]";
        String data = "{'webhook_data':{'items':['a','b','c']}}";
        String id = UUID.randomUUID().toString();
        Run first = run(steps, data, id, Journal.EMPTY, ExecutionState.UNLIMITED);
        assertThat(first.records()).extracting(StepRecord::stepKey, StepRecord::iteration).containsExactly(
                tuple("1", null), tuple("1.loop.1", "0"), tuple("1.loop.1", "1"), tuple("1.loop.1", "2"));
        assertThat(first.state().at("step_1.results")).hasSize(3);
        Run resumed = run(steps, data, id, Journal.of(first.records().subList(0, 3)), ExecutionState.UNLIMITED);
        assertThat(resumed.records()).extracting(StepRecord::iteration).containsExactly("2");
        assertThat(resumed.state().at("step_1.results")).hasSize(3);
        assertThat(resumed.state().at("step_1.results").get(2).get("key").asText()).isEqualTo(id + ":1.loop.1@2");
    }

    @Test
    void suspendsALongWaitAndResumesItFromTheJournalWhenItsTimeHasCome() throws Exception {
        String steps = "[{'action_type':'control.wait','config':{'duration_seconds':60}},{'action_type':'test.echo',"
                + "'config':{'value':'after'}}]";
        String id = UUID.randomUUID().toString();
        Run first = run(steps, "{}", id, Journal.EMPTY, ExecutionState.UNLIMITED);
        assertThat(first.exchange().getException()).isInstanceOfSatisfying(ExecutionSuspended.class,
                s -> assertThat(s.resumeAt()).isAfter(Instant.now().plusSeconds(50)));
        StepRecord waiting = first.records().get(0);
        assertThat(waiting.status()).isEqualTo(StepStatus.WAITING);
        assertThat(first.records()).hasSize(1);
        ObjectNode due = ((ObjectNode) waiting.output().deepCopy()).put("waiting_until", Instant.now().minusSeconds(1).toString());
        Journal journal = Journal.of(List.of(waiting.ended(StepStatus.WAITING, due, null, null)));
        Run resumed = run(steps, "{}", id, journal, ExecutionState.UNLIMITED);
        assertThat(resumed.exchange().getException()).isNull();
        assertThat(resumed.records()).extracting(StepRecord::id, StepRecord::status).containsExactly(
                tuple(waiting.id(), StepStatus.COMPLETED), tuple(resumed.records().get(1).id(), StepStatus.COMPLETED));
        assertThat(resumed.state().at("step_2").asText()).isEqualTo("after");
    }

    /** An execution on its way, whose start records become durable only when the test completes {@code durable}. */
    private record NotYetDurable(String id, Records sink, CompletableFuture<Exchange> done) {

        /** Sends the steps and waits until {@code starts} attempts have recorded their start, and a little more. */
        static NotYetDurable send(String steps, int starts) throws Exception {
            Records sink = new Records();
            sink.durable = new CompletableFuture<>();
            String id = UUID.randomUUID().toString();
            ExecutionState state = new ExecutionState(id, "wf", (ObjectNode) json("{}"), sink);
            Exchange exchange = new DefaultExchange(camel);
            state.attachTo(exchange);
            CompletableFuture<Exchange> done = camel.createProducerTemplate().asyncSend(compile(steps).endpoint(),
                    exchange);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.started.size() == starts);
            Thread.sleep(200);
            return new NotYetDurable(id, sink, done);
        }

        /** How many times {@code test.count} ran as step {@code key}. */
        int calls(String key) {
            AtomicInteger calls = TestActions.Count.CALLS.get(id + "/" + id + ":" + key);
            return calls == null ? 0 : calls.get();
        }

        /** Makes the records durable and waits for the execution's end. */
        void recorded() throws Exception {
            sink.durable.complete(null);
            assertThat(done.get(5, TimeUnit.SECONDS).getException()).isNull();
        }
    }

    @Test
    void startsAStepThatIsNotSafeToRepeatOnlyOnceItsStartIsDurable() throws Exception {
        NotYetDurable run = NotYetDurable.send("[{'action_type':'test.count','config':{'unsafe':true}}]", 1);
        assertThat(run.calls("1")).isZero();
        run.recorded();
        assertThat(run.calls("1")).isEqualTo(1);
    }

    @Test
    void startsAStepAfterOneThatCompletedOnlyOnceItsStartIsDurable() throws Exception {
        NotYetDurable run = NotYetDurable.send("[{'action_type':'test.count'},{'action_type':'test.count'}]", 2);
        assertThat(run.calls("1")).as("the first step, safe to repeat").isEqualTo(1);
        assertThat(run.calls("2")).as("the second step waits until the first one's end is on record").isZero();
        run.recorded();
        assertThat(run.calls("2")).isEqualTo(1);
    }

    @Test
    void doesNotWaitForTheRecordOfAStepThatOnlyComputed() throws Exception {
        NotYetDurable run = NotYetDurable.send("[{'action_type':'test.thread.inline'},{'action_type':'test.count'}]",
                2);
        assertThat(run.calls("2")).as("running a computation again changes nothing: no wait after it").isEqualTo(1);
        run.recorded();
    }

    @Test
    void stopsAtTheExecutionsStepAttemptBudget() throws Exception {
        Run run = run("[{'action_type':'test.echo'},{'action_type':'test.echo'},{'action_type':'test.echo'}]", "{}",
                UUID.randomUUID().toString(), Journal.EMPTY, 2);
        assertThat(run.records()).hasSize(2);
        assertThat(run.exchange().getException()).hasMessageContaining("budget");
    }

    @Test
    void givesEveryAttemptOfAStepTheSameIdempotencyKey() throws Exception {
        String id = UUID.randomUUID().toString();
        Run run = run("[{'action_type':'test.count'},{'action_type':'test.count'}]", "{}", id, Journal.EMPTY,
                ExecutionState.UNLIMITED);
        assertThat(run.state().at("step_1.key").asText()).isEqualTo(id + ":1");
        assertThat(run.state().at("step_2.key").asText()).isEqualTo(id + ":2");
    }

    @Test
    void stoppingAnExecutionStopsTheStepThatRuns() throws Exception {
        int interruptedBefore = TestActions.Sleep.INTERRUPTED.get();
        ExecutionState state = new ExecutionState(UUID.randomUUID().toString(), "wf", (ObjectNode) json("{}"),
                new Records());
        CompiledWorkflow compiled = compile("[{'action_type':'test.sleep','config':{'millis':10000}},"
                + "{'action_type':'test.echo'}]");
        Exchange exchange = new DefaultExchange(camel);
        state.attachTo(exchange);
        CompletableFuture<Exchange> done = camel.createProducerTemplate().asyncSend(compiled.endpoint(), exchange);
        Thread.sleep(300);
        state.stop("cancelled by ann");
        assertThat(done.get(3, TimeUnit.SECONDS).getException()).hasMessage("cancelled by ann");
        assertThat(TestActions.Sleep.INTERRUPTED.get()).isGreaterThan(interruptedBefore);
    }

    @Test
    void waitsAtLeastWhatTheServiceAskedForBeforeTheNextAttempt() throws Exception {
        Run run = run("[{'action_type':'test.flaky','config':{'fail_times':1,'retry_after_ms':700},"
                + "'retry_config':{'max_retries':2,'retry_delay':10,'backoff_multiplier':1}}]", "{}");
        assertThat(run.exchange().getException()).isNull();
        assertThat(run.records()).extracting(StepRecord::attempt, StepRecord::status)
                .containsExactly(tuple(1, StepStatus.FAILED), tuple(2, StepStatus.COMPLETED));
        assertThat(run.records().get(0).error())
                .isEqualTo("HTTP 429 on call 1; attempt 2 waits 1 s, as the service asked (Retry-After)");
        assertThat(run.waitBefore(1)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void keepsThePolicysDelayWhenItIsLongerThanWhatTheServiceAskedFor() throws Exception {
        Run run = run("[{'action_type':'test.flaky','config':{'fail_times':1,'retry_after_ms':1},"
                + "'retry_config':{'max_retries':1,'retry_delay':400}}]", "{}");
        assertThat(run.waitBefore(1)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void failsAtOnceWhenTheServiceAsksForLongerThanTheStepMayWait() throws Exception {
        Run run = run("[{'action_type':'test.flaky','config':{'fail_times':1,'retry_after_ms':90000},"
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
        assertTimedOutAfterOneSecond(run);
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
