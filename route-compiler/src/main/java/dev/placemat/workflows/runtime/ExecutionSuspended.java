package dev.placemat.workflows.runtime;

import java.time.Instant;

/**
 * The execution waits until {@code resumeAt} without holding anything: its route ends here, and whichever node is
 * alive then resumes it from its journal. Not a failure.
 */
public final class ExecutionSuspended extends RuntimeException {

    private final Instant resumeAt;

    public ExecutionSuspended(Instant resumeAt) {
        super("waiting until " + resumeAt, null, false, false);
        this.resumeAt = resumeAt;
    }

    public Instant resumeAt() {
        return resumeAt;
    }
}
