package dev.placemat.workflows.spi;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An action that does one piece of work. The engine resolves the step's templates, binds the result to the config
 * record, and calls {@link #execute} on a worker thread with the step's timeout (see {@link #computesOnly}); whatever it returns becomes the
 * step's output ({@code step_N} for later steps), converted to JSON.
 *
 * <p>Throw {@link StepFailure#permanent} for failures that a retry cannot fix (a 4xx answer, a bad address); any other
 * exception is retried as the step's retry policy says.
 *
 * <p>An action that waits on I/O it can do without a thread (an asynchronous HTTP client) returns a
 * {@link java.util.concurrent.CompletionStage} of its output: the engine then holds no thread while it waits, and
 * cancels the stage when the step times out. Failures of the stage follow the same rules as thrown ones.
 */
public non-sealed interface TaskAction<C> extends Action<C> {

    Object execute(C config, StepContext context) throws Exception;

    /**
     * True for an action that only computes over its input, with no I/O and a running time it bounds itself
     * (within a second): the engine then runs it on the execution's own thread instead of handing it to a worker,
     * which costs more than such a step does. Having no effect outside, it is also safe to run again after a crash
     * (the engine then does not bind its config to ask {@link #repeatSafe}).
     */
    default boolean computesOnly() {
        return false;
    }

    /**
     * Whether running this step again is safe when the platform cannot know if an attempt had its effect (the
     * process died while it ran). Safe steps (reads, computations, idempotent updates by id) are run again after a
     * crash; for unsafe ones (a message sent, a record created) the execution stops as {@code interrupted} and a
     * person decides. A step's {@code on_interrupt} overrides this. By default only an action that computes only
     * (see {@link #computesOnly}) is safe.
     */
    default boolean repeatSafe(C config) {
        return computesOnly();
    }

    /**
     * Config fields whose text is meant for a target with its own markup (Slack mrkdwn, HTML), by field path
     * ({@code message}, {@code html_body}), with how a value substituted into them is escaped. The text the author
     * wrote around the templates keeps its markup; only the values that templates put into it are escaped.
     */
    default Map<String, UnaryOperator<String>> templateEscapes() {
        return Map.of();
    }
}
