package dev.placemat.workflows.app.workflow;

import java.util.UUID;

/** A manual run accepted ({@code POST /api/workflows/{id}/execute}): its execution, {@code pending} until it starts. */
public record ExecutionStarted(UUID executionId, String status) {}
