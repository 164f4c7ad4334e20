package dev.placemat.workflows.app.cluster;

import java.util.UUID;

/**
 * This node found its row declared dead (it missed heartbeats for longer than {@code dead-after-seconds}): other
 * nodes may have taken its executions, so everything it still runs under {@code formerId} must be given up without a
 * write. The node goes on as a new incarnation, {@code newId}.
 */
public record NodeFenced(UUID formerId, UUID newId, String name) {}
