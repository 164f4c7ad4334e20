package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** How an execution ended: status, error for people, and the final context. */
public record ExecutionResult(UUID executionId, String status, String error, ObjectNode context) {}
