package dev.placemat.workflows.connectors.common;

import dev.placemat.workflows.spi.StepFailure;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Steps after an asynchronous call that may fail for good: {@link StepFailure} is a checked exception, which
 * {@link CompletableFuture}'s own methods do not let a function throw. A failed stage carries the
 * {@link StepFailure} itself (inside a {@link CompletionException}), which the engine unwraps.
 */
public final class Stages {

    /** A step that may fail. */
    @FunctionalInterface
    public interface Step<T, R> {
        R apply(T value) throws StepFailure;
    }

    private Stages() {}

    public static <T, R> CompletableFuture<R> then(CompletableFuture<T> stage, Step<T, R> step) {
        return stage.thenApply(value -> {
            try {
                return step.apply(value);
            } catch (StepFailure failure) {
                throw new CompletionException(failure);
            }
        });
    }

    public static <T, R> CompletableFuture<R> thenCompose(CompletableFuture<T> stage,
            Step<T, CompletableFuture<R>> step) {
        return stage.thenCompose(value -> {
            try {
                return step.apply(value);
            } catch (StepFailure failure) {
                return CompletableFuture.failedFuture(failure);
            }
        });
    }

    /** The stage {@code call} answers, or a failed one when {@code call} throws before it has a stage. */
    public static <T> CompletableFuture<T> start(Step<Void, CompletableFuture<T>> call) {
        try {
            return call.apply(null);
        } catch (StepFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** What made a stage fail: the {@link StepFailure} or other exception, without its completion wrappers. */
    public static Throwable cause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** True when the stage failed because it was cancelled (the step was given up). */
    public static boolean cancelled(Throwable thrown) {
        return cause(thrown) instanceof CancellationException;
    }
}
