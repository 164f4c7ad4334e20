package dev.placemat.workflows.app.workflow;

import java.util.List;
import java.util.UUID;

/**
 * What an import created ({@code POST /api/workflows/import}), and each use of a connection that does not exist here:
 * the imported workflow's index and name, the step's path and the connection.
 */
public record ImportResult(List<MissingConnection> missingConnections, List<Created> created) {

    public record MissingConnection(int workflowIndex, String workflow, String step, String connection) {}

    public record Created(UUID id, String name, int version) {}
}
