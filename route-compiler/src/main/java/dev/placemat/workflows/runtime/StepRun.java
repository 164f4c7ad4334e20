package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.apache.camel.CamelContext;

/** The {@link StepContext} of one attempt; {@link #cancel()} gives the attempt up and runs its cancel hooks. */
@RequiredArgsConstructor
public final class StepRun implements StepContext {

    private final ExecutionState state;
    private final String stepKey;
    private final String idempotencyKey;
    /** Until when the attempt may run. */
    private final Instant deadline;
    private final CamelContext camel;
    private final PlatformServices services;
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /**
     * A context for work that is a step of no execution (a connection test): key {@code key}, an empty context, until
     * {@code deadline}.
     */
    public static StepRun alone(String key, Instant deadline, CamelContext camel, PlatformServices services) {
        ExecutionState state = new ExecutionState(key, key, JsonNodeFactory.instance.objectNode(), record -> { });
        return new StepRun(state, "test", key, deadline, camel, services);
    }

    @Override
    public String executionId() {
        return state.executionId();
    }

    @Override
    public String workflowId() {
        return state.workflowId();
    }

    @Override
    public String stepKey() {
        return stepKey;
    }

    @Override
    public String idempotencyKey() {
        return idempotencyKey;
    }

    @Override
    public <T> T read(Function<JsonNode, T> reader) {
        return state.read(reader);
    }

    @Override
    public JsonNode at(String path) {
        return state.at(path);
    }

    @Override
    public Duration timeLeft() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public void onCancel(Runnable hook) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                hooks.add(hook);
            }
        }
        if (now) {
            hook.run();
        }
    }

    @Override
    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Gives the attempt up: later calls of {@link #cancelled()} say so, and every hook runs once. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        toRun.forEach(StepRun::runQuietly);
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException ignored) {
            // a hook that fails to abort its work must not stop the others
        }
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
