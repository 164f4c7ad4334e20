package dev.placemat.workflows.connectors.support;

import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.StepFailure;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Connections for tests, by name and type. */
public final class MapConnections implements Connections {

    private final Map<String, Map<String, String>> byKey = new HashMap<>();
    private final Set<String> guarded = new HashSet<>();

    public MapConnections with(String name, String type, Map<String, String> fields) {
        byKey.put(type + "/" + name, Map.copyOf(fields));
        return this;
    }

    /** A connection whose server only addresses the outbound guard allows may serve (an editor's). */
    public MapConnections guarded(String name, String type, Map<String, String> fields) {
        guarded.add(name);
        return with(name, type, fields);
    }

    @Override
    public Map<String, String> get(String name, String type) throws StepFailure {
        Map<String, String> fields = byKey.get(type + "/" + name);
        if (fields == null) {
            throw StepFailure.permanent("there is no " + type + " connection named '" + name + "'");
        }
        return fields;
    }

    /** Every destination is allowed here: the platform's own check of allowed hosts is tested in the app. */
    @Override
    public void checkDestination(String name, java.net.URI uri) {
    }

    @Override
    public boolean guarded(String name) {
        return guarded.contains(name);
    }
}
