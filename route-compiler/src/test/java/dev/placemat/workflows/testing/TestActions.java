package dev.placemat.workflows.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.OutboundUrl;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Small actions for compiler tests, registered in this module's test resources. */
public final class TestActions {

    private TestActions() {}

    /** {@code test.echo}: returns its resolved config. */
    public static final class Echo implements TaskAction<Echo.Config> {
        public record Config(JsonNode value) {}

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.echo", "test", "Echo", "E", "returns its value", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) {
            return config.value();
        }
    }

    /** {@code test.call}: an action that calls out; returns its url. */
    public static final class Call implements TaskAction<Call.Config> {
        public record Config(@OutboundUrl String url) {}

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.call", "test", "Call", "C", "calls an address", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) {
            return config.url();
        }
    }

    /** {@code test.flaky}: fails {@code fail_times} times per execution, then returns the attempt count. */
    public static final class Flaky implements TaskAction<Flaky.Config> {
        public record Config(int failTimes, Boolean permanent) {}

        private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.flaky", "test", "Flaky", "F", "fails then succeeds", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) throws StepFailure {
            int call = CALLS.computeIfAbsent(context.executionId() + context.stepKey(), k -> new AtomicInteger())
                    .incrementAndGet();
            if (call <= config.failTimes()) {
                throw Boolean.TRUE.equals(config.permanent())
                        ? StepFailure.permanent("refused on call " + call)
                        : StepFailure.transientFailure("failed on call " + call);
            }
            return Map.of("calls", call);
        }
    }

    /** {@code test.sleep}: sleeps {@code millis}. */
    public static final class Sleep implements TaskAction<Sleep.Config> {
        public record Config(long millis) {}

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.sleep", "test", "Sleep", "S", "sleeps", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) throws InterruptedException {
            Thread.sleep(config.millis());
            return Map.of("slept", config.millis());
        }
    }

    /** {@code test.thread}: returns the name of the thread it ran on. */
    public static class ThreadName implements TaskAction<ThreadName.Config> {
        public record Config() {}

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.thread", "test", "Thread", "T", "names its thread", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) {
            return Thread.currentThread().getName();
        }
    }

    /** {@code test.thread.inline}: as {@code test.thread}, for an action that only computes. */
    public static final class InlineThreadName extends ThreadName {

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.thread.inline", "test", "Thread", "T", "names its thread", Config.class);
        }

        @Override
        public boolean computesOnly() {
            return true;
        }
    }
}
