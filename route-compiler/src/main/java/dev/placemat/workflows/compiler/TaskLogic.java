package dev.placemat.workflows.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.runtime.StepLogic;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.TaskAction;
import dev.placemat.workflows.template.FieldRules;
import dev.placemat.workflows.validation.ConfigMapper;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A task action as a step's logic: its config strictly resolved (see {@link FieldRules#strict}), bound to the
 * config record, executed, and its output turned into JSON. An action that answers with a
 * {@link CompletionStage} is waited for here; a cancelled step cancels the stage.
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
    public JsonNode run(JsonNode resolvedConfig, StepContext context) throws Exception {
        Object output = action.execute(ConfigMapper.bind(resolvedConfig, configType), context);
        if (output instanceof CompletionStage<?> stage) {
            output = await(stage.toCompletableFuture(), context);
        }
        return ConfigMapper.toJson(output);
    }

    private static Object await(Future<?> future, StepContext context) throws Exception {
        context.onCancel(() -> future.cancel(true));
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            throw cause(e.getCause());
        } catch (CancellationException e) {
            throw new CancellationException("the step was given up");
        }
    }

    private static Exception cause(Throwable thrown) {
        Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof Exception e ? e : new IllegalStateException(cause);
    }
}
