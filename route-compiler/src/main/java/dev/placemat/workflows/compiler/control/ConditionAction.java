package dev.placemat.workflows.compiler.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.compiler.ConditionPredicate;
import dev.placemat.workflows.compiler.StepScope;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.TriggerType.ConditionConfig;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ControlAction;
import dev.placemat.workflows.validation.Conditions;
import dev.placemat.workflows.validation.Errors;
import java.util.List;

/**
 * {@code control.condition}: runs {@code then_actions} when every condition holds, {@code else_actions} when not.
 * Compiles to a Camel choice. The step's output is {@code {condition_met, branch, results}}, where results are the
 * nested actions' outputs in order.
 */
public final class ConditionAction implements ControlAction<ConditionAction.Config> {

    public record Config(
            @JsonProperty(required = true) @JsonPropertyDescription("All must hold for the then branch")
            List<ConditionConfig> conditions,
            @JsonPropertyDescription("Actions run when the conditions hold") List<NestedAction> thenActions,
            @JsonPropertyDescription("Actions run when they do not") List<NestedAction> elseActions) {}

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("control.condition", "control", "If / Then", "❓",
                "Runs one list of actions or another, depending on conditions", Config.class);
    }

    @Override
    public List<String> conditionFields() {
        return List.of("conditions");
    }

    @Override
    public List<String> nestedBlocks() {
        return List.of("then_actions", "else_actions");
    }

    @Override
    public void compile(StepSpec step, StepScope scope) {
        List<Condition> conditions = Conditions.read(step.config().get("conditions"), step.path(), new Errors());
        scope.record(step, (config, context) -> {
            boolean met = context.read(data -> ConditionPredicate.holds(conditions, data));
            ObjectNode output = JsonNodeFactory.instance.objectNode();
            output.put("condition_met", met);
            output.put("branch", met ? "then" : "else");
            output.putArray("results");
            return output;
        });
        scope.choice(step, "branch", conditions, step.children("then"), step.children("else"));
    }
}
