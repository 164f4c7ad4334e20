package dev.placemat.workflows.spi;

/** Something wrong with a step's config that its schema cannot say: the config field, a code, and what to do. */
public record ConfigProblem(String field, String code, String message) {}
