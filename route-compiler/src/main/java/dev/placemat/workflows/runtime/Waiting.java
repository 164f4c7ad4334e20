package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What a wait step's logic returns: the step is recorded as {@link StepStatus#WAITING} with {@code output}, and the
 * route waits until {@code until} (in memory, or suspended when that is far off).
 */
public record Waiting(Instant until, JsonNode output) {

    /** The output field that says until when a wait lasts; a resumed run reads it back from the journal. */
    public static final String UNTIL_FIELD = "waiting_until";
}
