package dev.placemat.workflows.app.connections;

/**
 * What a connection test found: {@code ok} when the call succeeded, {@code tested} false when the call proves
 * nothing (or the type cannot be tested), and a message without secrets.
 */
public record ConnectionTestResult(String name, String type, boolean ok, boolean tested, String message) {}
