package dev.placemat.workflows.connectors.data;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What one JSONata evaluation may spend: time, nesting depth, the size of every value it makes, and the memory all
 * of them take together. The evaluator calls {@link #enter} and {@link #exit} around every node it evaluates (the
 * checks run there: a loop, a recursion or a long path meets them at every step); the bounded functions call
 * {@link #checkString}, {@link #checkItems} and {@link #check} before they build a large value, so that no single
 * call runs long.
 *
 * <p>Memory is counted from the values the nodes return: two bytes a character, sixteen an item of a list or object.
 * A large value is counted once however often it is returned (a variable read in a loop), small ones each time.
 *
 * <p>The library's own {@code Frame.setRuntimeBounds} is not used: it checks time only, and skips its checks in any
 * frame where an array constructor of two or more items was evaluated.
 */
final class ExpressionBudget {

    /** Longest string an expression may make: about a megabyte of text. */
    static final int MAX_STRING_CHARS = 1_000_000;
    /** Longest JSON text of an expression's result. */
    static final int MAX_RESULT_CHARS = 5_000_000;
    /** Most items in one array, or fields in one object, an expression may make. */
    static final int MAX_ITEMS = 100_000;
    /** Most memory the values of one evaluation may take together. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Deepest nesting of evaluation (recursive functions). */
    static final int MAX_DEPTH = 200;
    private static final int SLOW_CHECK_EVERY = 64;
    private static final int LARGE = 256;

    private final long limitMillis;
    private final long deadline;
    private final BooleanSupplier cancelled;
    private final Set<Object> counted = Collections.newSetFromMap(new IdentityHashMap<>());
    private long bytes;
    private int depth;
    private int calls;
    private ExpressionLimitExceeded exceeded;

    ExpressionBudget(long limitMillis, BooleanSupplier cancelled) {
        this.limitMillis = limitMillis;
        this.deadline = System.nanoTime() + limitMillis * 1_000_000;
        this.cancelled = cancelled;
    }

    /** Puts the checks into the frame an expression is evaluated in. */
    void install(Jsonata.Frame frame) {
        frame.setEvaluateEntryCallback((expr, input, environment) -> enter());
        frame.setEvaluateExitCallback((expr, input, environment, result) -> exit(result));
    }

    /** The limit that stopped the evaluation, or null; set even when the library swallowed the exception. */
    ExpressionLimitExceeded exceeded() {
        return exceeded;
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            fail("too_deep", "the expression nests deeper than " + MAX_DEPTH
                    + " levels (a recursive function that does not end?)");
        }
        check();
    }

    void exit(Object result) {
        depth--;
        if (result instanceof String text) {
            checkString(text.length());
            count(text, text.length(), 2L * text.length());
        } else if (result instanceof List<?> list) {
            checkItems(list.size());
            count(list, list.size(), 16L * list.size());
        } else if (result instanceof Map<?, ?> map) {
            checkItems(map.size());
            count(map, map.size(), 16L * map.size());
        }
        check();
    }

    /** Time, and every few calls memory and cancellation. Bounded functions call it inside their loops. */
    void check() {
        if (exceeded != null) {
            throw exceeded;
        }
        if (System.nanoTime() - deadline > 0) {
            fail("timeout", "timeout: the expression ran longer than " + limitMillis
                    + " ms, the time limit of an expression; give it less data or split the work into steps");
        }
        if (++calls % SLOW_CHECK_EVERY == 0) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                fail("cancelled", "the expression was stopped: its step was given up");
            }
        }
    }

    private void count(Object value, int size, long valueBytes) {
        if (size >= LARGE && !counted.add(value)) {
            return;
        }
        bytes += valueBytes;
        if (bytes > MAX_BYTES) {
            fail("too_large", "the expression's values took more than " + MAX_BYTES / (1024 * 1024)
                    + " MB of memory, the limit of an expression; give it less data");
        }
    }

    void checkString(long chars) {
        if (chars > MAX_STRING_CHARS) {
            fail("too_large", "the expression made a string of " + chars + " characters; at most "
                    + MAX_STRING_CHARS + " are allowed");
        }
    }

    /** The result of the whole expression, as JSON text. */
    void checkResult(long chars) {
        if (chars > MAX_RESULT_CHARS) {
            fail("too_large", "the expression's result would be more than " + MAX_RESULT_CHARS
                    + " characters of JSON, the limit of a step's output; give it less data");
        }
    }

    void checkItems(long items) {
        if (items > MAX_ITEMS) {
            fail("too_large", "the expression made a list or object of " + items + " items; at most " + MAX_ITEMS
                    + " are allowed");
        }
    }

    private void fail(String kind, String message) {
        exceeded = new ExpressionLimitExceeded(kind, message);
        throw exceeded;
    }

    /**
     * A limit was reached. A JSONata exception, so that the evaluator passes it on unchanged (it wraps other
     * exceptions in places, losing their type).
     */
    static final class ExpressionLimitExceeded extends JException {

        private final String kind;
        private final String text;

        ExpressionLimitExceeded(String kind, String text) {
            super(kind, -1);
            this.kind = kind;
            this.text = text;
        }

        /** {@code timeout}, {@code too_large}, {@code too_deep} or {@code cancelled}. */
        String kind() {
            return kind;
        }

        @Override
        public String getMessage() {
            return text;
        }
    }
}
