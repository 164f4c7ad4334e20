package dev.placemat.workflows.definition;

/**
 * How often and how fast a failed step is tried again: {@code maxRetries} further attempts, the first after
 * {@code retryDelayMs}, each next one {@code backoffMultiplier} times longer. The design's defaults: 3, 1000 ms, 2.
 */
public record RetryPolicy(int maxRetries, long retryDelayMs, double backoffMultiplier) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 1000, 2.0);
    public static final int MAX_RETRIES_LIMIT = 20;
    public static final long MAX_DELAY_MS = 3_600_000;
    public static final double MAX_MULTIPLIER = 10.0;

    /** The delay before retry number {@code retry} (1-based). */
    public long delayBefore(int retry) {
        return Math.min(MAX_DELAY_MS, (long) (retryDelayMs * Math.pow(backoffMultiplier, retry - 1)));
    }
}
