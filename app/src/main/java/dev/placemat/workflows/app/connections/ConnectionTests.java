package dev.placemat.workflows.app.connections;

import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.runtime.StepRun;
import dev.placemat.workflows.spi.ConnectionTester;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/connections/{name}/test}: one harmless call with a connection, made by the tester of its type
 * (found like actions, through {@link ServiceLoader}) as a step would make it, within {@value #SECONDS} seconds. The
 * answer says whether it worked and, if not, what the service said; secrets are masked as in execution records.
 */
@Component
public class ConnectionTests {

    static final int SECONDS = 15;

    private final ConnectionStore store;
    private final SecretRedactor redactor;
    private final CamelContext camel;
    private final PlatformServices services;
    private final Map<String, ConnectionTester> testers = new LinkedHashMap<>();

    public ConnectionTests(ConnectionStore store, SecretRedactor redactor, CamelContext camel,
            PlatformServices services) {
        this.store = store;
        this.redactor = redactor;
        this.camel = camel;
        this.services = services;
        ServiceLoader.load(ConnectionTester.class, ConnectionTests.class.getClassLoader())
                .forEach(tester -> testers.put(tester.type(), tester));
    }

    /** What a harmless call with the connection found; 404 for an unknown connection. */
    public ConnectionTestResult test(String name) {
        ConnectionStore.Connection connection = store.find(name)
                .orElseThrow(() -> new NotFoundException("There is no connection named '" + name + "'."));
        String type = connection.type().id();
        ConnectionTester tester = testers.get(type);
        if (tester == null) {
            return new ConnectionTestResult(name, type, false, false, "connections of type " + type + " cannot be tested");
        }
        StepRun context = StepRun.alone("connection-test:" + UUID.randomUUID(), Instant.now().plusSeconds(SECONDS),
                camel, services);
        try {
            ConnectionTester.Result result = await(tester.test(name, context).toCompletableFuture(), context);
            return new ConnectionTestResult(name, type, true, result.tested(), redactor.scrub(result.message()));
        } catch (StepFailure failure) {
            return new ConnectionTestResult(name, type, false, true, redactor.scrub(failure.getMessage()));
        }
    }

    private static ConnectionTester.Result await(Future<ConnectionTester.Result> result, StepRun context)
            throws StepFailure {
        try {
            return result.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            context.cancel();
            throw StepFailure.transientFailure("no answer within " + SECONDS + " s");
        } catch (InterruptedException e) {
            context.cancel();
            Thread.currentThread().interrupt();
            throw StepFailure.transientFailure("the test was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StepFailure failure) {
                throw failure;
            }
            throw StepFailure.transientFailure(cause == null ? "the test failed" : String.valueOf(cause.getMessage()));
        }
    }
}
