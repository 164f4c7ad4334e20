package dev.placemat.workflows.runtime;

/** What became of one attempt of one step, or where it stands. */
public enum StepStatus {
    /** Started and not ended: the row a crash leaves behind names the step that was in flight. */
    RUNNING("running"),
    /** A {@code control.wait} whose time has not come; its output says until when. */
    WAITING("waiting"),
    COMPLETED("completed"),
    FAILED("failed"),
    SKIPPED("skipped"),
    /** In flight when its node died, and not safe to run again: a person decides. */
    INTERRUPTED("interrupted");

    private final String id;

    StepStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static StepStatus of(String id) {
        for (StepStatus status : values()) {
            if (status.id.equals(id)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown step status " + id);
    }

    /** Whether a run that finds this status in its journal takes the step as done and does not run it again. */
    public boolean done() {
        return this == COMPLETED || this == SKIPPED || this == WAITING;
    }
}
