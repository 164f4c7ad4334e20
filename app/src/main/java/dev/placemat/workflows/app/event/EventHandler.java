package dev.placemat.workflows.app.event;

/** Handles one event for one subscriber; a failure means "deliver it again later". */
@FunctionalInterface
public interface EventHandler {

    void handle(PlatformEvent event) throws Exception;
}
