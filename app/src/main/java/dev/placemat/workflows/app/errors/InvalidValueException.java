package dev.placemat.workflows.app.errors;

/** A value not of the form its field allows, with the field's name (the API answers 400). */
public class InvalidValueException extends FieldException {

    public InvalidValueException(String field, String message) {
        super(field, message);
    }
}
