package dev.placemat.workflows.app.errors;

/** The request does not fit the current state (409), with what to do about it. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
