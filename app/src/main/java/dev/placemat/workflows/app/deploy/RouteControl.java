package dev.placemat.workflows.app.deploy;

import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Adds and removes routes at run time: a removal stops the route with a timeout, then drops its endpoint. */
@Component
public class RouteControl {

    private static final Logger log = LoggerFactory.getLogger(RouteControl.class);
    private static final int STOP_SECONDS = 10;

    private final ModelCamelContext camel;

    public RouteControl(CamelContext camel) {
        this.camel = (ModelCamelContext) camel;
    }

    public void add(RouteDefinition route, String what) {
        try {
            camel.addRouteDefinition(route);
        } catch (Exception e) {
            throw new IllegalStateException("the " + what + " could not be started: " + e.getMessage(), e);
        }
    }

    public boolean exists(String routeId) {
        return camel.getRoute(routeId) != null;
    }

    /** Stops and removes a route and its endpoint; failures are logged, not thrown. */
    public void remove(String routeId) {
        try {
            var route = camel.getRoute(routeId);
            if (route == null) {
                return;
            }
            Endpoint endpoint = route.getEndpoint();
            camel.getRouteController().stopRoute(routeId, STOP_SECONDS, TimeUnit.SECONDS);
            camel.removeRoute(routeId);
            camel.removeEndpoint(endpoint);
        } catch (Exception e) {
            log.warn("removing route {} failed: {}", routeId, e.getMessage());
        }
    }
}
