package dev.placemat.workflows.spi;

import java.util.Map;

/**
 * Named credentials, decrypted for the one step that uses them. Values never belong in a step's output.
 */
public interface Connections {

    /** The fields of the named connection of the given type; a permanent {@link StepFailure} when there is none. */
    Map<String, String> get(String name, String type) throws StepFailure;
}
