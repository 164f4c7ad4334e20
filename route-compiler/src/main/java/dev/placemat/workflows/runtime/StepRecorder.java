package dev.placemat.workflows.runtime;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * The interceptor that records every step attempt. Camel calls it for each processor of each route; it wraps the
 * step nodes ({@link StepProcessor}, {@link SkippedStep}), runs inside the error handler and so sees every attempt,
 * and hands each attempt's {@link StepRecord} to the execution's sink.
 */
public final class StepRecorder implements InterceptStrategy {

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        if (definition instanceof ProcessDefinition process
                && (process.getProcessor() instanceof StepProcessor || process.getProcessor() instanceof SkippedStep)) {
            return new Recording(target);
        }
        return target;
    }

    private static final class Recording extends DelegateAsyncProcessor {

        Recording(Processor target) {
            super(target);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            exchange.removeProperty(StepProcessor.OUTCOME);
            return processor.process(exchange, doneSync -> {
                StepRecord outcome = exchange.getProperty(StepProcessor.OUTCOME, StepRecord.class);
                if (outcome != null) {
                    ExecutionState.of(exchange).sink().ended(outcome);
                    exchange.removeProperty(StepProcessor.OUTCOME);
                }
                callback.done(doneSync);
            });
        }
    }
}
