package dev.placemat.workflows.app.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.engine.ExecutionLauncher;
import dev.placemat.workflows.app.engine.LaunchRefused;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a schedule's fire does, on whichever node Quartz chose: records the fire in {@code workflow_schedules} and
 * starts an execution with trigger data {@code {trigger: {type: schedule, schedule_id, scheduled_time}}}.
 */
@Component
@RequiredArgsConstructor
public class ScheduleFires {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFires.class);

    private final RouteDeployer deployer;
    private final ExecutionLauncher launcher;
    private final ScheduleRepository schedules;

    public Processor processorFor(UUID workflowId, UUID scheduleId) {
        return exchange -> fire(workflowId, scheduleId, exchange);
    }

    private void fire(UUID workflowId, UUID scheduleId, Exchange exchange) {
        Message in = exchange.getIn();
        Instant scheduled = instant(in.getHeader("scheduledFireTime", Date.class));
        Instant fired = instant(in.getHeader("fireTime", Date.class));
        schedules.fired(workflowId, fired == null ? Instant.now() : fired, instant(in.getHeader("nextFireTime", Date.class)));
        in.removeHeaders("*");
        deployer.lease(workflowId).ifPresent(deployment -> {
            ObjectNode triggerData = JsonNodeFactory.instance.objectNode();
            triggerData.putObject("trigger")
                    .put("type", "schedule")
                    .put("schedule_id", scheduleId.toString())
                    .put("scheduled_time", scheduled == null ? null : scheduled.toString());
            try {
                launcher.launch(deployment, triggerData);
            } catch (LaunchRefused refused) {
                log.warn("the fire of workflow {}'s schedule at {} started nothing: {}", workflowId, scheduled,
                        refused.getMessage());
            }
        });
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
