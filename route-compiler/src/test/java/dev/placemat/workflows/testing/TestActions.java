package dev.placemat.workflows.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.OutboundUrl;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

        @Override
        public boolean repeatSafe(Config config) {
            return true;
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

    /**
     * {@code test.flaky}: fails {@code fail_times} times per execution and step, then returns the attempt count; a
     * failure is for good with {@code permanent}, asks to wait {@code retry_after_ms} when given (as a service's 429
     * does), and may pass with a retry otherwise.
     */
    public static final class Flaky implements TaskAction<Flaky.Config> {
        public record Config(int failTimes, Boolean permanent, Long retryAfterMs) {}

        private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.flaky", "test", "Flaky", "F", "fails then succeeds", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) throws StepFailure {
            int call = CALLS.computeIfAbsent(context.executionId() + context.stepKey(), k -> new AtomicInteger())
                    .incrementAndGet();
            if (call > config.failTimes()) {
                return Map.of("calls", call);
            }
            if (Boolean.TRUE.equals(config.permanent())) {
                throw StepFailure.permanent("refused on call " + call);
            }
            if (config.retryAfterMs() != null) {
                throw StepFailure.retryAfter("HTTP 429 on call " + call, Duration.ofMillis(config.retryAfterMs()));
            }
            throw StepFailure.transientFailure("failed on call " + call);
        }
    }

    /** {@code test.sleep}: sleeps {@code millis}; counts the sleeps a timeout interrupted. */
    public static final class Sleep implements TaskAction<Sleep.Config> {
        public record Config(long millis) {}

        public static final AtomicInteger INTERRUPTED = new AtomicInteger();

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.sleep", "test", "Sleep", "S", "sleeps", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) throws InterruptedException {
            try {
                Thread.sleep(config.millis());
            } catch (InterruptedException e) {
                INTERRUPTED.incrementAndGet();
                throw e;
            }
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

        @Override
        public boolean repeatSafe(Config config) {
            return true;
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

    /**
     * {@code test.count}: counts its calls per execution and step key (a step run again shows here), returns the
     * count and its idempotency key; {@code unsafe} makes it not safe to repeat.
     */
    public static final class Count implements TaskAction<Count.Config> {
        public record Config(Boolean unsafe) {}

        public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.count", "test", "Count", "C", "counts its calls", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) {
            int call = CALLS.computeIfAbsent(context.executionId() + "/" + context.idempotencyKey(),
                    k -> new AtomicInteger()).incrementAndGet();
            return Map.of("calls", call, "key", context.idempotencyKey());
        }

        @Override
        public boolean repeatSafe(Config config) {
            return !Boolean.TRUE.equals(config.unsafe());
        }
    }

    /** {@code test.block}: holds its worker until {@link #RELEASE} opens; counts how many are held at once. */
    public static final class Block implements TaskAction<Block.Config> {
        public record Config() {}

        public static volatile CountDownLatch RELEASE = new CountDownLatch(1);
        public static final AtomicInteger HELD = new AtomicInteger();
        public static final AtomicInteger MOST_HELD = new AtomicInteger();

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.block", "test", "Block", "B", "blocks until released", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) throws InterruptedException {
            MOST_HELD.accumulateAndGet(HELD.incrementAndGet(), Math::max);
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } finally {
                HELD.decrementAndGet();
            }
            return Thread.currentThread().getName();
        }
    }

    /** {@code test.later}: answers with a stage that completes with {@code value} after {@code millis}. */
    public static final class Later implements TaskAction<Later.Config> {
        public record Config(JsonNode value, long millis) {}

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.later", "test", "Later", "L", "answers later", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) {
            CompletableFuture<JsonNode> later = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(config.millis(), TimeUnit.MILLISECONDS)
                    .execute(() -> later.complete(config.value()));
            context.onCancel(() -> later.cancel(true));
            return later;
        }
    }

    /** {@code test.greet}: a config with a required and an optional field; returns the bound config. */
    public static final class Greet implements TaskAction<Greet.Config> {
        public record Config(@JsonProperty(required = true) String name, String title, Map<String, Object> extra) {}

        @Override
        public ActionDescriptor<Config> descriptor() {
            return ActionDescriptor.of("test.greet", "test", "Greet", "G", "greets", Config.class);
        }

        @Override
        public Object execute(Config config, StepContext context) {
            return config;
        }

        @Override
        public Map<String, UnaryOperator<String>> templateEscapes() {
            return Map.of("title", text -> text.replace("<", "&lt;"));
        }
    }
}
