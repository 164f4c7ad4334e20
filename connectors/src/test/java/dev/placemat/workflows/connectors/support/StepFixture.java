package dev.placemat.workflows.connectors.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.validation.ConfigMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, started {@link DefaultCamelContext} and step contexts over it: one per test class, registered as an
 * extension ({@code @RegisterExtension static final StepFixture FIXTURE = new StepFixture();}), which stops it after
 * the class's tests.
 */
public final class StepFixture implements AutoCloseable, AfterAllCallback {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext camel;

    public StepFixture() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    public CamelContext camel() {
        return camel;
    }

    /** A step context with this execution data. */
    public StepContext context(JsonNode data, PlatformServices services) {
        return cancellable(data, services);
    }

    /** Binds a config given as JSON (snake_case) to an action's config record, as the engine does. */
    public static <C> C config(Class<C> type, String json) {
        try {
            return ConfigMapper.bind(JSON.readTree(json), type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ObjectNode json(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An action's output as JSON, as later steps see it (an answer that is a stage is waited for). */
    public static JsonNode output(Object output) throws Exception {
        return ConfigMapper.toJson(await(output));
    }

    /** What an action answered, waiting for it when it is a stage; a failed stage throws its failure. */
    public static Object await(Object answer) throws Exception {
        if (!(answer instanceof CompletionStage<?> stage)) {
            return answer;
        }
        try {
            return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
        }
    }

    /** A step context with this execution data whose attempt a test can give up ({@link Cancellable#cancel}). */
    public Cancellable cancellable(JsonNode data, PlatformServices services) {
        return new Cancellable(data == null ? JSON.createObjectNode() : data, services, camel);
    }

    @Override
    public void close() {
        camel.stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /**
     * The step context of step 1 of execution {@code exec-1} (workflow {@code wf-1}), 30 s left, that runs its
     * cancel hooks when the test gives the attempt up.
     */
    public static final class Cancellable implements StepContext {

        private final JsonNode data;
        private final PlatformServices services;
        private final CamelContext camel;
        private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
        private volatile boolean cancelled;

        Cancellable(JsonNode data, PlatformServices services, CamelContext camel) {
            this.data = data;
            this.services = services;
            this.camel = camel;
        }

        /** Gives the attempt up, as the engine does when its timeout passes. */
        public void cancel() {
            cancelled = true;
            hooks.forEach(Runnable::run);
        }

        @Override
        public void onCancel(Runnable hook) {
            hooks.add(hook);
            if (cancelled) {
                hook.run();
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public String executionId() {
            return "exec-1";
        }

        @Override
        public String workflowId() {
            return "wf-1";
        }

        @Override
        public String stepKey() {
            return "1";
        }

        @Override
        public String idempotencyKey() {
            return "exec-1:1";
        }

        @Override
        public JsonNode data() {
            return data;
        }

        @Override
        public Duration timeLeft() {
            return Duration.ofSeconds(30);
        }

        @Override
        public CamelContext camel() {
            return camel;
        }

        @Override
        public PlatformServices services() {
            return services;
        }
    }
}
