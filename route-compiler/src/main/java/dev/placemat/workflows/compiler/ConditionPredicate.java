package dev.placemat.workflows.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.template.Paths;
import dev.placemat.workflows.template.Templates;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/** Conditions as a Camel predicate: every condition must hold against the execution context. No expression language. */
public record ConditionPredicate(List<Condition> conditions) implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        return ExecutionState.of(exchange).read(context -> holds(conditions, context));
    }

    public static boolean holds(List<Condition> conditions, JsonNode context) {
        for (Condition c : conditions) {
            JsonNode actual = Paths.lookup(context, c.field());
            JsonNode expected = c.value().isMissingNode() ? c.value() : Templates.resolve(c.value(), context);
            if (!c.operator().test(actual, expected)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "conditions" + conditions;
    }
}
