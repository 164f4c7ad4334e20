package dev.placemat.workflows.runtime;

import dev.placemat.workflows.spi.StepFailure;
import java.util.concurrent.CancellationException;

/** Any failure of a step's logic as a {@link StepFailure}: bad input is permanent, anything else may pass. */
final class StepFailures {

    private StepFailures() {}

    static StepFailure of(Throwable e) {
        if (e instanceof StepFailure failure) {
            return failure;
        }
        if (e instanceof IllegalArgumentException) {
            return StepFailure.permanent(e.getMessage());
        }
        if (e instanceof InterruptedException || e instanceof CancellationException) {
            return StepFailure.transientFailure("the step was stopped");
        }
        String message = e == null ? null : e.getMessage();
        String kind = e == null ? "Error" : e.getClass().getSimpleName();
        return StepFailure.transientFailure(message == null || message.isBlank() ? kind : kind + ": " + message);
    }
}
