package dev.placemat.workflows.app.workflow;

import dev.placemat.workflows.definition.Operator;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators conditions may use, for the designer's condition editor: each with the value it compares against
 * ({@code one} value, a {@code list}, or {@code none} for exists and not_exists).
 */
@RestController
public class OperatorController {

    /** An operator, and what it compares against: {@code one}, {@code list} or {@code none}. */
    public record OperatorInfo(String id, String value) {}

    private static final List<OperatorInfo> OPERATORS = Arrays.stream(Operator.values())
            .map(op -> new OperatorInfo(op.id(), valueKind(op)))
            .toList();

    @GetMapping("/api/operators")
    public List<OperatorInfo> operators() {
        return OPERATORS;
    }

    private static String valueKind(Operator op) {
        if (!op.needsValue()) {
            return "none";
        }
        return op == Operator.IN || op == Operator.NOT_IN ? "list" : "one";
    }
}
