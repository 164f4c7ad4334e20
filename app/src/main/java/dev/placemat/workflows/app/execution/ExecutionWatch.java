package dev.placemat.workflows.app.execution;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream of {@link ExecutionStreams}: what it has sent so far (row versions and contents), so that it is
 * sent only what changed. Events: {@code execution} (the detail's fields without the steps) and {@code step} (one
 * step result as in the detail's {@code steps}); a comment line as heartbeat.
 */
final class ExecutionWatch {

    private final UUID executionId;
    private final SseEmitter emitter;
    private final Map<UUID, String> stepVersions = new HashMap<>();
    private final Map<String, StepAttempt> sentSteps = new HashMap<>();
    private String executionVersion;
    private ExecutionSummary sentExecution;
    private long lastSent;
    private boolean finalSent;
    private boolean quietAfterFinal;

    ExecutionWatch(UUID executionId, SseEmitter emitter, long now) {
        this.executionId = executionId;
        this.emitter = emitter;
        this.lastSent = now;
    }

    UUID executionId() {
        return executionId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    String executionVersion() {
        return executionVersion;
    }

    /** The step rows whose version differs from the one this stream last saw. */
    Set<UUID> changedSteps(Map<UUID, String> current) {
        return current.entrySet().stream().filter(e -> !e.getValue().equals(stepVersions.get(e.getKey())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /**
     * Sends what changed: the execution (when its version moved and its fields differ from those sent), then each
     * step row that differs from the one sent under the same step, iteration and attempt; a heartbeat when nothing
     * was sent for {@code heartbeatNanos}.
     */
    void send(String version, ExecutionSummary execution, Map<UUID, String> steps, List<StepAttempt> stepRows,
            long now, long heartbeatNanos) throws IOException {
        boolean sent = false;
        if (execution != null && !version.equals(executionVersion)) {
            if (!execution.equals(sentExecution)) {
                emitter.send(SseEmitter.event().name("execution").data(execution, MediaType.APPLICATION_JSON));
                sentExecution = execution;
                sent = true;
            }
            executionVersion = version;
        }
        for (StepAttempt step : stepRows) {
            String key = key(step);
            if (!step.equals(sentSteps.get(key))) {
                emitter.send(SseEmitter.event().name("step").data(step, MediaType.APPLICATION_JSON));
                sentSteps.put(key, step);
                sent = true;
            }
        }
        stepVersions.putAll(steps);
        if (sent) {
            lastSent = now;
        } else if (now - lastSent >= heartbeatNanos) {
            emitter.send(SseEmitter.event().comment("keep-alive"));
            lastSent = now;
        }
        // step rows may be committed just after the final status: end one quiet poll after the final status was sent
        quietAfterFinal = finalSent && !sent;
        finalSent = finalSent || (sentExecution != null && ExecutionStreams.FINAL.contains(sentExecution.item().status()));
    }

    /** True once the final status was sent and a later poll found nothing more. */
    boolean ended() {
        return quietAfterFinal;
    }

    private static String key(StepAttempt step) {
        return step.stepKey() + "#" + Objects.toString(step.iteration(), "") + "#" + step.attempt();
    }
}
