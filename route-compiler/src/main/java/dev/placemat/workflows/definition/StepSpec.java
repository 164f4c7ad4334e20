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
        Map<String, List<StepSpec>> children) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 300;

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

    public List<StepSpec> children(String block) {
        return children.getOrDefault(block, List.of());
    }
}
