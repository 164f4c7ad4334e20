package dev.placemat.workflows.app.errors;

/** A request refused because of one field: the field's path, and a message that says what to do. */
public abstract class FieldException extends RuntimeException {

    private final String field;

    protected FieldException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
