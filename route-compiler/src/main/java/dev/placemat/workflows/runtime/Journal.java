package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an earlier run of an execution already did, by step and loop iteration: a run given a journal takes each
 * step found done there as done (its recorded output goes into the context) and runs the rest. This is how an
 * execution resumes after a crash, after a durable wait, or as a re-run from a step; it needs no other state than
 * the recorded attempts.
 */
public final class Journal {

    public static final Journal EMPTY = new Journal(Map.of(), Map.of());

    /** A step done in an earlier run: its record's id, status and output. */
    public record Entry(UUID id, StepStatus status, JsonNode output) {}

    private final Map<String, Entry> done;
    private final Map<String, Integer> attempts;

    private Journal(Map<String, Entry> done, Map<String, Integer> attempts) {
        this.done = done;
        this.attempts = attempts;
    }

    /** A journal of recorded attempts, in the order they started: the last attempt of each step decides. */
    public static Journal of(Collection<StepRecord> records) {
        Map<String, Entry> done = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        for (StepRecord r : records) {
            String key = r.journalKey();
            attempts.merge(key, r.attempt(), Math::max);
            if (r.status().done()) {
                done.put(key, new Entry(r.id(), r.status(), r.output()));
            } else {
                done.remove(key);
            }
        }
        return new Journal(Map.copyOf(done), Map.copyOf(attempts));
    }

    /** A journal that takes the given steps as completed with these outputs (pinned outputs of a test run). */
    public static Journal pinned(Map<String, JsonNode> outputs) {
        Map<String, Entry> done = new HashMap<>();
        outputs.forEach((key, output) -> done.put(key, new Entry(UUID.randomUUID(), StepStatus.COMPLETED, output)));
        return new Journal(Map.copyOf(done), Map.of());
    }

    public static String key(String stepKey, String iteration) {
        return iteration == null ? stepKey : stepKey + "@" + iteration;
    }

    /** The step as done in an earlier run, or null. */
    public Entry done(String key) {
        return done.get(key);
    }

    /** How many attempts of the step earlier runs made. */
    int attempts(String key) {
        return attempts.getOrDefault(key, 0);
    }

    /** Attempts made in all earlier runs, for the execution's budget. */
    int totalAttempts() {
        int total = 0;
        for (int n : attempts.values()) {
            total += n;
        }
        return total;
    }

    /** Characters of JSON in the outputs of earlier runs, for the execution's output budget. */
    public long outputChars() {
        return done.values().stream().filter(e -> e.output() != null).mapToLong(e -> e.output().toString().length())
                .sum();
    }

    public boolean isEmpty() {
        return done.isEmpty() && attempts.isEmpty();
    }
}
