package dev.placemat.workflows.spi;

import java.util.Optional;

/**
 * Services the platform offers to actions. The app registers implementations; actions ask by type, so that adding a
 * service does not change this interface. Known services: {@link OutboundGuard}, {@link Connections}.
 */
public interface PlatformServices {

    <T> Optional<T> find(Class<T> type);

    default <T> T require(Class<T> type) {
        return find(type).orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " is not available"));
    }
}
