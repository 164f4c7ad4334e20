package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Starts one iteration of a loop body: puts {@code loop: {index, item, total}} into the context and names the
 * iteration on the exchange ({@code "2"}, or {@code "1.2"} inside an outer loop's second item), so that each
 * iteration's steps are recorded, counted and resumed apart. {@link #END} removes {@code loop} once the split is
 * done.
 */
public final class LoopIteration implements Processor {

    public static final Processor END = exchange -> ExecutionState.of(exchange).remove("loop");

    @Override
    public void process(Exchange exchange) {
        ExecutionState state = ExecutionState.of(exchange);
        int index = exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class);
        ObjectNode loop = JsonNodeFactory.instance.objectNode();
        loop.put("index", index);
        loop.set("item", exchange.getIn().getBody(JsonNode.class));
        loop.put("total", exchange.getProperty(Exchange.SPLIT_SIZE, 0, Integer.class));
        state.put("loop", loop);
        // each item runs on a fresh copy of the exchange that entered the loop: it still names the outer iteration
        String outer = exchange.getProperty(StepProcessor.ITERATION, "", String.class);
        exchange.setProperty(StepProcessor.ITERATION, outer.isEmpty() ? String.valueOf(index) : outer + "." + index);
    }
}
