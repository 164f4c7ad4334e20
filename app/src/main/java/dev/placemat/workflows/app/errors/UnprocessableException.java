package dev.placemat.workflows.app.errors;

/** A well-formed request that asks for something that does not fit (422), with the field at fault. */
public class UnprocessableException extends RuntimeException {

    private final String field;

    public UnprocessableException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
