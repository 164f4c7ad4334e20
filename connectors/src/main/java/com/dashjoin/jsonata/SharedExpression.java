package com.dashjoin.jsonata;

/**
 * One parsed JSONata expression, evaluated any number of times on any thread. Placemat's code, in the library's
 * package for two of its package-private parts.
 *
 * <p>jsonata-java 0.9.x keeps an evaluation's state (its input, its innermost frame, the time {@code $now()} reads)
 * on the {@link Jsonata} instance that runs it, and finds that instance through a per-thread "current" one that only
 * parsing sets. A parsed instance evaluated again therefore reads another expression's clock, and chains each run's
 * frames onto the last, so that a run sees the variables of the runs before it (upstream issues 90 and 93). Here each
 * run gets a copy that shares only the parsed tree and the root frame, which no evaluation writes, and is the
 * thread's current instance for the run's length.
 */
public final class SharedExpression {

    private final Jsonata parsed;

    private SharedExpression(Jsonata parsed) {
        this.parsed = parsed;
    }

    /** Parses an expression; throws the library's exception when it cannot be parsed. */
    public static SharedExpression parse(String expression) {
        try {
            return new SharedExpression(Jsonata.jsonata(expression));
        } finally {
            Jsonata.current.remove();
        }
    }

    /** A frame for one run's bindings, whose parent is the library's functions. */
    public Jsonata.Frame createFrame() {
        return parsed.createFrame();
    }

    /** Evaluates over {@code input} with the run's own {@code bindings}. */
    public Object evaluate(Object input, Jsonata.Frame bindings) {
        Jsonata run = new Jsonata(parsed);
        Jsonata.current.set(run);
        try {
            return run.evaluate(input, bindings);
        } finally {
            Jsonata.current.remove();
        }
    }
}
