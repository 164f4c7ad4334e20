package dev.placemat.workflows.app.execution;

import java.util.List;

/** A page of executions, newest first, and how many match in all. */
public record ExecutionPage(List<ExecutionItem> items, long total, int limit, int offset) {}
