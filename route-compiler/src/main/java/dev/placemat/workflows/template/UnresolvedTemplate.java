package dev.placemat.workflows.template;

/** A template of a strictly resolved config led nowhere; the message names the field, the path and what is there. */
public final class UnresolvedTemplate extends RuntimeException {

    public UnresolvedTemplate(String message) {
        super(message, null, false, false);
    }
}
