package dev.placemat.workflows.app.execution;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** An execution with every step attempt in order ({@code GET /api/executions/{id}}). */
public record ExecutionDetail(@JsonUnwrapped ExecutionSummary summary, List<StepAttempt> steps) {}
