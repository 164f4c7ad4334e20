package dev.placemat.workflows.app.errors;

/** The signed-in user may not do this to this thing (403), with why. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}
