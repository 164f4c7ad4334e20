package dev.placemat.workflows.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The design's condition: a context path, an operator and a value ({@code step_1.budget_utilization greater_than 90}).
 * The value may itself be a template.
 */
public record Condition(String field, Operator operator, JsonNode value) {}
