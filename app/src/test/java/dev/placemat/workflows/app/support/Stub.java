package dev.placemat.workflows.app.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** A local stand-in for a third-party HTTP service, on a loopback port. */
public final class Stub {

    private Stub() {}

    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort());
        server.start();
        return server;
    }
}
