package dev.placemat.workflows.app.errors;

/** A request parameter that cannot be used (400), with the parameter's name. */
public class BadRequestException extends FieldException {

    public BadRequestException(String field, String message) {
        super(field, message);
    }
}
