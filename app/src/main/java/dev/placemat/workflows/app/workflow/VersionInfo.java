package dev.placemat.workflows.app.workflow;

import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * A saved version of a workflow ({@code GET /api/workflows/{id}/versions}): the name it had, when and by whom it was
 * saved (null once that user is deleted), whether it is the deployed one and whether it is the current one.
 */
public record VersionInfo(int version, String name, Instant createdAt, @Nullable String createdBy, boolean deployed,
        boolean current) {}
