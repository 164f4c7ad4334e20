package dev.placemat.workflows.compiler;

import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.runtime.StepProcessor;
import dev.placemat.workflows.spi.StepFailure;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * One route-scoped {@code onException} per step: it applies while that step runs (the exchange names the current
 * step) and only to failures a retry may fix, with the step's own count. The wait before each attempt is set on the
 * exchange by {@link dev.placemat.workflows.runtime.RetryWait} (the policy's backoff, or longer when the service asked
 * for it), which Camel takes in place of its own computation. Redelivery is asynchronous: no thread sleeps while a
 * step waits for its next attempt.
 */
final class RetryPolicies {

    private RetryPolicies() {}

    static void addTo(RouteDefinition route, List<StepSpec> steps) {
        for (StepSpec step : steps) {
            if (step.retry().maxRetries() > 0) {
                add(route, step);
            }
            step.children().values().forEach(children -> addTo(route, children));
        }
    }

    private static void add(RouteDefinition route, StepSpec step) {
        OnExceptionDefinition onException = route.onException(StepFailure.class);
        onException.onWhen(new RetryableIn(step.key()));
        onException.maximumRedeliveries(step.retry().maxRetries());
        onException.asyncDelayedRedelivery();
        onException.logExhausted(false);
        onException.logStackTrace(false);
        onException.logRetryAttempted(false);
        onException.logExhaustedMessageHistory(false);
        onException.end();
    }

    /** True while the named step runs and its failure may pass on a retry. */
    record RetryableIn(String stepKey) implements Predicate {

        @Override
        public boolean matches(Exchange exchange) {
            Exception caught = exchange.getException() != null
                    ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            return stepKey.equals(exchange.getProperty(StepProcessor.CURRENT_STEP, String.class))
                    && caught instanceof StepFailure failure
                    && failure.retryable();
        }
    }
}
