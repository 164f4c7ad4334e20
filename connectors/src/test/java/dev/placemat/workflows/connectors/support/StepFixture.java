package dev.placemat.workflows.connectors.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.validation.ConfigMapper;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A real, started {@link DefaultCamelContext} (one per test class: start it in {@code @BeforeAll}) and step contexts
 * over it.
 */
public final class StepFixture implements AutoCloseable {

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
        return new Context(data == null ? JSON.createObjectNode() : data, services, camel);
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

    /** An action's output as JSON, as later steps see it. */
    public static JsonNode output(Object output) {
        return ConfigMapper.toJson(output);
    }

    @Override
    public void close() {
        camel.stop();
    }

    private record Context(JsonNode data, PlatformServices services, CamelContext camel) implements StepContext {

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
        public Duration timeLeft() {
            return Duration.ofSeconds(30);
        }

        @Override
        public void onCancel(Runnable hook) {}

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
