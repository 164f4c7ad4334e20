package dev.placemat.workflows.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.runtime.StepLogic;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.TaskAction;
import dev.placemat.workflows.template.FieldRules;
import dev.placemat.workflows.validation.ConfigMapper;
import java.util.concurrent.CompletionStage;

/**
 * A task action as a step's logic: its config strictly resolved (see {@link FieldRules#strict}), bound to the
 * config record, executed, and its output turned into JSON, also when it comes later through a
 * {@link CompletionStage} (which the engine waits for without a thread, and cancels when the step is given up).
 */
final class TaskLogic<C> implements StepLogic {

    private final TaskAction<C> action;
    private final Class<C> configType;
    private final FieldRules rules;

    TaskLogic(TaskAction<C> action) {
        this.action = action;
        this.configType = action.descriptor().configType();
        this.rules = FieldRules.strict(configType, action.templateEscapes());
    }

    @Override
    public FieldRules fieldRules() {
        return rules;
    }

    @Override
    public Object run(JsonNode resolvedConfig, StepContext context) throws Exception {
        Object output = action.execute(ConfigMapper.bind(resolvedConfig, configType), context);
        return output instanceof CompletionStage<?> stage ? stage.thenApply(ConfigMapper::toJson)
                : ConfigMapper.toJson(output);
    }

    /** Safe to repeat when the action only computes ({@link TaskAction#repeatSafe}): no config bound to ask. */
    @Override
    public boolean repeatSafe(JsonNode resolvedConfig) {
        return action.computesOnly() || action.repeatSafe(ConfigMapper.bind(resolvedConfig, configType));
    }
}
