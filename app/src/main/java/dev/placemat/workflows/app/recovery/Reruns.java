package dev.placemat.workflows.app.recovery;

import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.engine.Admission;
import dev.placemat.workflows.app.engine.ExecutionRun;
import dev.placemat.workflows.app.engine.ExecutionRunner;
import dev.placemat.workflows.app.engine.LaunchRefused;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.errors.UnsuitableValueException;
import dev.placemat.workflows.app.recording.TimeOrderedIds;
import dev.placemat.workflows.runtime.Journal;
import dev.placemat.workflows.runtime.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Runs an execution again as a new execution linked to the old one ({@code rerun_of}): from the start with the
 * same trigger data, or from a step, with the old execution's recorded outputs of the steps before it copied into
 * the new one (so the new execution is whole on its own, and resumable like any other), on the version the old one
 * ran ({@code original}) or on the workflow's current version ({@code current}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Reruns {

    private final RerunRows rows;
    private final VersionLeases versions;
    private final ExecutionRunner runner;
    private final Admission admission;
    private final StepRows steps;

    /** Starts the re-run and returns the new execution's id. */
    public UUID rerun(UUID oldId, String fromStep, String version) {
        RerunRows.Old old = rows.old(oldId)
                .orElseThrow(() -> new NotFoundException("There is no execution " + oldId + "."));
        int runOn = version(old, version);
        List<StepRecord> before = fromStep == null ? List.of() : stepsBefore(oldId, fromStep);
        if (!admission.tryReadmit(old.workflowId())) {
            throw new LaunchRefused("the platform is at capacity; try again shortly", 1);
        }
        Deployment deployment;
        try {
            deployment = versions.lease(old.workflowId(), runOn);
            if (fromStep != null && deployment.definition().step(fromStep).isEmpty()) {
                deployment.release();
                throw new UnsuitableValueException("from_step", "version " + runOn + " of the workflow has no step "
                        + fromStep + "; choose a step it has, or version original");
            }
        } catch (RuntimeException e) {
            admission.release(old.workflowId());
            throw e;
        }
        UUID id = TimeOrderedIds.next();
        Instant start = Instant.now();
        List<StepRecord> copied = rows.store(id, old, runOn, start, before);
        runner.run(new ExecutionRun(deployment, id, old.triggerData(), start, Journal.of(copied)));
        return id;
    }

    /** Re-runs, from the start, the executions with a status in a time range (at most {@code limit}). */
    public List<UUID> rerunAll(UUID workflowId, String status, Instant from, Instant to, String version, int limit) {
        List<UUID> started = new ArrayList<>();
        for (UUID old : rows.matching(workflowId, status, from, to, limit)) {
            started.add(rerun(old, null, version));
        }
        return started;
    }

    private int version(RerunRows.Old old, String version) {
        if (version == null || "original".equals(version)) {
            return old.version();
        }
        if (!"current".equals(version)) {
            throw new UnsuitableValueException("version", "version must be original (the one the execution ran) or "
                    + "current (the workflow's deployed version, else its latest)");
        }
        return versions.current(old.workflowId());
    }

    /**
     * The old execution's finished attempts before {@code fromStep}: those that started before its first attempt, or,
     * when it never ran (the execution stopped earlier), those of the top-level steps before it.
     */
    private List<StepRecord> stepsBefore(UUID oldId, String fromStep) {
        List<StepRecord> records = steps.of(oldId);
        int cut = -1;
        for (int i = 0; i < records.size() && cut < 0; i++) {
            String key = records.get(i).stepKey();
            if (key.equals(fromStep) || key.startsWith(fromStep + ".")) {
                cut = i;
            }
        }
        int number = topLevelNumber(fromStep);
        List<StepRecord> before = cut >= 0 ? records.subList(0, cut)
                : records.stream().filter(r -> r.stepNumber() < number).toList();
        return before.stream().filter(r -> r.status().done()).toList();
    }

    private static int topLevelNumber(String stepKey) {
        String first = stepKey.split("\\.")[0];
        try {
            return Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw new UnsuitableValueException("from_step", "from_step must be a step key such as 3 or 2.then.1");
        }
    }
}
