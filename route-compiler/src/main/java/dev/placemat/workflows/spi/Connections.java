package dev.placemat.workflows.spi;

import java.net.URI;
import java.util.Map;

/**
 * Named credentials, decrypted for the one step that uses them. Values never belong in a step's output.
 */
public interface Connections {

    /** The fields of the named connection of the given type; a permanent {@link StepFailure} when there is none. */
    Map<String, String> get(String name, String type) throws StepFailure;

    /**
     * Refuses, with a permanent {@link StepFailure}, sending the credentials of the named connection to {@code uri}:
     * an {@code http} connection's credentials go only to its allowed hosts. Called with the URL resolved at run time,
     * before the credentials are attached.
     */
    void checkDestination(String name, URI uri) throws StepFailure;

    /**
     * Whether the named connection's own server (a mail server, a database) may be reached only at addresses the
     * outbound guard allows, resolved once by it: so for connections of users other than admins, whose servers may
     * reach no more than their steps may. An admin's connection may name an internal server.
     */
    boolean guarded(String name);
}
