package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Starts one iteration of a loop body: puts {@code loop: {index, item, total}} into the context and lets the body's
 * steps count attempts from 1 again. {@link #END} removes {@code loop} once the split is done.
 */
public final class LoopIteration implements Processor {

    public static final Processor END = exchange -> ExecutionState.of(exchange).remove("loop");

    private final String stepKey;

    public LoopIteration(String stepKey) {
        this.stepKey = stepKey;
    }

    @Override
    public void process(Exchange exchange) {
        ExecutionState state = ExecutionState.of(exchange);
        ObjectNode loop = JsonNodeFactory.instance.objectNode();
        loop.put("index", exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class));
        loop.set("item", exchange.getIn().getBody(JsonNode.class));
        loop.put("total", exchange.getProperty(Exchange.SPLIT_SIZE, 0, Integer.class));
        state.put("loop", loop);
        state.resetAttempts(stepKey + ".");
    }
}
