package dev.placemat.workflows.connectors.support;

import dev.placemat.workflows.connectors.common.SharedBuckets;
import dev.placemat.workflows.spi.PlatformServices;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Platform services for tests: whatever the test registers, by type, and rate-limit buckets in memory. */
public final class TestServices implements PlatformServices {

    private final Map<Class<?>, Object> services = new HashMap<>(Map.of(SharedBuckets.class, new LocalBuckets()));

    public <T> TestServices with(Class<T> type, T service) {
        services.put(type, service);
        return this;
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
