package dev.placemat.workflows.runtime;

/** What became of one attempt of one step. */
public enum StepStatus {
    COMPLETED("completed"),
    FAILED("failed"),
    SKIPPED("skipped");

    private final String id;

    StepStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
