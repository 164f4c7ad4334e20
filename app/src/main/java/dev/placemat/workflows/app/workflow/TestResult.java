package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * What a test run answers ({@code POST /api/workflows/test}): how it ended, every step attempt it made, and its final
 * context (null when the run did not end in time). {@code execution_id} only when the run was stored, which it is
 * when the request named its workflow.
 */
public record TestResult(String status, @Nullable String error, @Nullable UUID executionId, List<TestStep> steps,
        @Nullable JsonNode context) {}
