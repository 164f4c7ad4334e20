package dev.placemat.workflows.app.errors;

/** A well-formed request that asks for something that does not fit (422), with the field at fault. */
public class UnprocessableException extends FieldException {

    public UnprocessableException(String field, String message) {
        super(field, message);
    }
}
