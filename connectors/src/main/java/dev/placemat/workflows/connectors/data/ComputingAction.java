package dev.placemat.workflows.connectors.data;

import dev.placemat.workflows.spi.TaskAction;

/**
 * What the data actions share: they only compute over the execution's data, with no I/O and a running time they
 * bound themselves. So the engine runs them on the execution's own thread, and running one again after a crash is
 * safe.
 */
abstract class ComputingAction<C> implements TaskAction<C> {

    @Override
    public final boolean computesOnly() {
        return true;
    }
}
