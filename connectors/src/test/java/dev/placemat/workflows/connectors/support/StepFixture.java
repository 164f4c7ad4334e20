package dev.placemat.workflows.connectors.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.StepRun;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.validation.ConfigMapper;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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

    /**
     * The engine's own context ({@link StepRun}) of step 1 of execution {@code exec-1} (workflow {@code wf-1}) over
     * this execution data, with 30 s left; {@link StepRun#cancel} gives the attempt up as a timeout does.
     */
    public StepRun context(JsonNode data, PlatformServices services) {
        ObjectNode executionData = data == null ? JSON.createObjectNode() : (ObjectNode) data;
        ExecutionState state = new ExecutionState("exec-1", "wf-1", executionData, record -> { });
        return new StepRun(state, "1", "exec-1:1", Instant.now().plusSeconds(30), camel, services);
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

    @Override
    public void close() {
        camel.stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
