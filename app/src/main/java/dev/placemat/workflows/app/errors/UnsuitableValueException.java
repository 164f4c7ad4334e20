package dev.placemat.workflows.app.errors;

/**
 * A value of the right form that does not fit what it names (a step the workflow does not have), with the field at
 * fault (the API answers 422).
 */
public class UnsuitableValueException extends FieldException {

    public UnsuitableValueException(String field, String message) {
        super(field, message);
    }
}
