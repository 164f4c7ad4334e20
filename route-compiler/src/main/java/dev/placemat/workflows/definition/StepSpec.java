package dev.placemat.workflows.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One step: an action with its (unresolved) config, an optional condition, a retry policy and a timeout.
 *
 * @param number         the top-level step number this step belongs to ({@code step_N} in templates)
 * @param key            {@code 3} for a top-level step, {@code 2.then.1} for an action nested in step 2
 * @param path           where the step stands in the definition, for error messages ({@code steps[1]})
 * @param conditions     all must hold for the step to run; empty means always
 * @param children       nested actions of control steps by block name ({@code then}, {@code else}, {@code loop})
 * @param onInterrupt    {@code retry} or {@code ask}: what a resumed execution does when this step was in flight as
 *                       its node died, whatever the action's own default; null for the default
 */
public record StepSpec(
        int number,
        String key,
        String path,
        String actionType,
        ObjectNode config,
        List<Condition> conditions,
        RetryPolicy retry,
        int timeoutSeconds,
        Map<String, List<StepSpec>> children,
        String onInterrupt) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    public static final List<String> ON_INTERRUPT = List.of("retry", "ask");

    public StepSpec {
        config = config.deepCopy();
        conditions = List.copyOf(conditions);
        children = Map.copyOf(children);
    }

    @Override
    public ObjectNode config() {
        return config.deepCopy();
    }

    public boolean nested() {
        return key.indexOf('.') >= 0;
    }

    /** Whether to run the step again after a crash: its {@code on_interrupt} if set, else the action's default. */
    public boolean repeatSafe(boolean actionDefault) {
        return onInterrupt == null ? actionDefault : "retry".equals(onInterrupt);
    }

    public List<StepSpec> children(String block) {
        return children.getOrDefault(block, List.of());
    }
}
