package dev.placemat.workflows.app.errors;

/** The addressed thing does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
