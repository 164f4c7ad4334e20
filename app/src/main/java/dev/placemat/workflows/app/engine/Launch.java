package dev.placemat.workflows.app.engine;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** An accepted execution (its row is committed) and its end, to wait for when the caller wants the result. */
public record Launch(UUID executionId, CompletableFuture<ExecutionResult> done) {}
