package dev.placemat.workflows.validation;

import java.util.List;

/** A definition that cannot be used, with every error found. */
public class InvalidDefinitionException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidDefinitionException(List<FieldError> errors) {
        super(errors.size() + " error(s) in the workflow definition: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
