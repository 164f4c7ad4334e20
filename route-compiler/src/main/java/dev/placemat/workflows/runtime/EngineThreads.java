package dev.placemat.workflows.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads compiled routes use, shared by every route: {@code workers} run steps that may block (a bounded
 * pool: a full queue fails the attempt, to be retried), {@code timers} fire step timeouts, retry delays and waits
 * and hand the work on at once. Waits longer than {@code durableWaitAfter} hold nothing: the execution is suspended
 * and resumed from its journal when the time comes.
 */
public record EngineThreads(ExecutorService workers, ScheduledExecutorService timers, Duration durableWaitAfter) {}
