package dev.placemat.workflows.app.deploy;

import java.util.List;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Removes the Spring MVC mapping of a removed platform-http route. camel-platform-http on Spring Boot registers a
 * mapping per route but never unregisters it: without this, a removed webhook would answer 500 instead of 404.
 */
@Component
class PlatformHttpMappings {

    private final ObjectProvider<CamelRequestHandlerMapping> mapping;

    PlatformHttpMappings(ObjectProvider<CamelRequestHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    void unregister(String path) {
        CamelRequestHandlerMapping handlers = mapping.getIfAvailable();
        if (handlers == null) {
            return;
        }
        List<RequestMappingInfo> stale = handlers.getHandlerMethods().keySet().stream()
                .filter(info -> info.getPatternValues().contains(path))
                .toList();
        stale.forEach(handlers::unregisterMapping);
    }
}
