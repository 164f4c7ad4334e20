package dev.placemat.workflows.runtime;

/**
 * The node gave the execution up without ending it: another node owns it now (this node lost its lease), so
 * nothing more of it is run or written here.
 */
public final class ExecutionAbandoned extends RuntimeException {

    public ExecutionAbandoned(String reason) {
        super(reason, null, false, false);
    }
}
