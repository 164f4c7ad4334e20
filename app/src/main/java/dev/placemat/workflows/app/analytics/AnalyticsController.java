package dev.placemat.workflows.app.analytics;

import dev.placemat.workflows.app.errors.InvalidValueException;
import dev.placemat.workflows.app.errors.NotFoundException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The design's {@code WorkflowAnalytics}: per-workflow counts, one execution's steps, and performance figures. */
@RestController
@RequestMapping("/api/analytics")
@RequiredArgsConstructor
public class AnalyticsController {

    private final WorkflowAnalytics workflows;
    private final PerformanceAnalytics performance;

    @GetMapping("/workflows")
    public List<WorkflowMetrics> workflows(@RequestParam(defaultValue = "7d") String range) {
        return workflows.metrics(AnalyticsRange.parse(range));
    }

    @GetMapping("/executions/{id}")
    public ExecutionTimings execution(@PathVariable UUID id) {
        return workflows.executionDetails(id)
                .orElseThrow(() -> new NotFoundException("There is no execution " + id + "."));
    }

    /** @param tz the IANA zone whose days the daily buckets follow (the browser's); UTC when absent */
    @GetMapping("/performance")
    public PerformanceMetrics performance(@RequestParam(defaultValue = "7d") String range,
            @RequestParam(defaultValue = "UTC") String tz) {
        // region names only: PostgreSQL reads offsets such as +05:00 the POSIX way, inverted
        if (!ZoneId.getAvailableZoneIds().contains(tz)) {
            throw new InvalidValueException("tz", "tz must be an IANA time zone such as Europe/Paris");
        }
        return performance.metrics(AnalyticsRange.parse(range), ZoneId.of(tz));
    }
}
