package dev.placemat.workflows.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.compiler.StepScope;
import dev.placemat.workflows.definition.StepSpec;
import java.util.List;

/**
 * An action that becomes route structure instead of work: a choice, a split or a delay. It is compiled once at
 * deploy time from the step (its config unresolved); values that hold templates are resolved at run time through
 * the {@link StepScope}. The config record {@code C} gives the schema the step's config is validated against.
 */
public non-sealed interface ControlAction<C> extends Action<C> {

    void compile(StepSpec step, StepScope scope);

    /** Config fields that hold nested actions ({@code then_actions}); their label is the name without {@code _actions}. */
    default List<String> nestedBlocks() {
        return List.of();
    }

    /**
     * How often the nested blocks may run each time this step runs, as far as its config says literally (a loop's
     * {@code max_iterations}); null when they run at most once, or a template decides. The validator multiplies
     * these over nested steps and refuses a definition whose innermost actions could run more often than an
     * execution's step budget allows.
     */
    default Repeats repeats(JsonNode config) {
        return null;
    }

    /** @param field the config field that bounds the repetitions; @param times their most */
    record Repeats(String field, long times) {}
}
