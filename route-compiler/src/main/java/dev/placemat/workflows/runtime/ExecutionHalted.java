package dev.placemat.workflows.runtime;

/** The run ended where it was asked to ({@link ExecutionState#haltAfter}); not a failure. */
public final class ExecutionHalted extends RuntimeException {

    private final String afterStep;

    public ExecutionHalted(String message, String afterStep) {
        super(message, null, false, false);
        this.afterStep = afterStep;
    }

    public String afterStep() {
        return afterStep;
    }
}
