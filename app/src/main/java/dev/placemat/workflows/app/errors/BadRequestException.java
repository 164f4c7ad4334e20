package dev.placemat.workflows.app.errors;

/** A request parameter that cannot be used (400), with the parameter's name. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
