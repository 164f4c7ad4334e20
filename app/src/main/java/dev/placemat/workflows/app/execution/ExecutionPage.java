package dev.placemat.workflows.app.execution;

import java.util.List;

/**
 * A page of executions, newest first, and how many match in all: exactly when {@code totalExact}, otherwise at least
 * {@code total} (the count stops {@link ExecutionRepository#COUNTED_PAST_PAGE} executions past the page).
 */
public record ExecutionPage(List<ExecutionItem> items, long total, boolean totalExact, int limit, int offset) {}
