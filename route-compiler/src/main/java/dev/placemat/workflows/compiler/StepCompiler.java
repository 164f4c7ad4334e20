package dev.placemat.workflows.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.runtime.EngineThreads;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.LoopIteration;
import dev.placemat.workflows.runtime.SkippedStep;
import dev.placemat.workflows.runtime.StepLogic;
import dev.placemat.workflows.runtime.StepProcessor;
import dev.placemat.workflows.runtime.WaitEnd;
import dev.placemat.workflows.runtime.WaitGate;
import dev.placemat.workflows.spi.Action;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.spi.ControlAction;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.TaskAction;
import dev.placemat.workflows.template.Templates;
import java.util.List;
import java.util.function.BiFunction;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.camel.Expression;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.DelayDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.support.ExpressionAdapter;

/**
 * Appends steps to a route, one after the other. Block nodes (choice, split) get their id right after they are
 * opened, and nothing relies on {@code end()}: every append goes to an explicitly held node.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class StepCompiler {

    private final String workflowId;
    private final ActionRegistry actions;
    private final EngineThreads threads;
    private final PlatformServices services;

    void compile(ProcessorDefinition<?> at, List<StepSpec> steps) {
        for (StepSpec step : steps) {
            if (step.conditions().isEmpty()) {
                emit(at, step);
            } else {
                ChoiceDefinition choice = at.choice();
                choice.id(NodeIds.stepPart(workflowId, step.key(), "condition"));
                choice.when(new ConditionPredicate(step.conditions()));
                emit(choice, step);
                choice.otherwise();
                choice.process(new SkippedStep(step)).id(NodeIds.stepPart(workflowId, step.key(), "skipped"));
            }
        }
    }

    private void emit(ProcessorDefinition<?> at, StepSpec step) {
        Action<?> action = actions.find(step.actionType())
                .orElseThrow(() -> new IllegalArgumentException("unknown action type " + step.actionType()));
        if (action instanceof TaskAction<?> task) {
            at.process(new StepProcessor(step, new TaskLogic<>(task), task.computesOnly(), threads, services))
                    .id(NodeIds.step(workflowId, step.key()));
        } else if (action instanceof ControlAction<?> control) {
            control.compile(step, new Scope(at));
        }
    }

    /** The {@link StepScope} at one place in the route. */
    private final class Scope implements StepScope {

        private final ProcessorDefinition<?> at;

        Scope(ProcessorDefinition<?> at) {
            this.at = at;
        }

        @Override
        public void record(StepSpec step, StepLogic logic) {
            at.process(new StepProcessor(step, logic, true, threads, services)).id(NodeIds.step(workflowId, step.key()));
        }

        @Override
        public void choice(StepSpec step, String label, List<Condition> conditions, List<StepSpec> then,
                List<StepSpec> otherwise) {
            ChoiceDefinition choice = at.choice();
            choice.id(NodeIds.stepPart(workflowId, step.key(), label));
            choice.when(new ConditionPredicate(conditions));
            compile(choice, then);
            if (!otherwise.isEmpty()) {
                choice.otherwise();
                compile(choice, otherwise);
            }
        }

        @Override
        public void split(StepSpec step, BiFunction<JsonNode, JsonNode, List<JsonNode>> items, List<StepSpec> body) {
            SplitDefinition split = at.split(itemsOf(step, items));
            split.id(NodeIds.stepPart(workflowId, step.key(), "loop"));
            split.stopOnException();
            split.process(new LoopIteration()).id(NodeIds.stepPart(workflowId, step.key(), "iteration"));
            compile(split, body);
            at.process(LoopIteration.END).id(NodeIds.stepPart(workflowId, step.key(), "loop-end"));
        }

        @Override
        public void wait(StepSpec step, StepLogic until) {
            record(step, until);
            at.process(new WaitGate(threads.durableWaitAfter())).id(NodeIds.stepPart(workflowId, step.key(), "gate"));
            DelayDefinition delay = at.delay(new ExpressionAdapter() {
                @Override
                public Object evaluate(org.apache.camel.Exchange exchange) {
                    return WaitGate.remainingMillis(exchange);
                }
            });
            delay.id(NodeIds.stepPart(workflowId, step.key(), "delay"));
            delay.asyncDelayed();
            delay.executorService(threads.timers());
            at.process(new WaitEnd()).id(NodeIds.stepPart(workflowId, step.key(), "wait-end"));
        }

        private Expression itemsOf(StepSpec step, BiFunction<JsonNode, JsonNode, List<JsonNode>> items) {
            JsonNode config = step.config();
            return new ExpressionAdapter() {
                @Override
                public Object evaluate(org.apache.camel.Exchange exchange) {
                    return ExecutionState.of(exchange)
                            .read(context -> items.apply(Templates.resolve(config, context), context));
                }
            };
        }
    }
}
