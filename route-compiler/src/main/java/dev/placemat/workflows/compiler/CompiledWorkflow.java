package dev.placemat.workflows.compiler;

import org.apache.camel.model.RouteDefinition;

/**
 * The route model of one deployment of a workflow: the body route holding its steps, reached at {@code endpoint}.
 * Ingress routes (one per trigger) are compiled apart by {@link IngressCompiler}: they outlive versions.
 */
public record CompiledWorkflow(String workflowId, String endpoint, RouteDefinition body) {}
