package dev.placemat.workflows.app.schedule;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.RouteControl;
import dev.placemat.workflows.app.deploy.TriggerIngress;
import dev.placemat.workflows.compiler.IngressCompiler;
import dev.placemat.workflows.definition.TriggerSpec;
import dev.placemat.workflows.schedule.CronSchedule;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One {@code quartz:} route per scheduled workflow. The trigger lives in the clustered job store, which outlives
 * routes: it is left alone when a node restarts with the same schedule (so a missed fire is made up once), replaced
 * when the expression or only the time zone changed (camel-quartz notices neither), and deleted on undeploy
 * (removing a route does not delete a clustered trigger).
 */
@Component
public class ScheduleRoutes implements TriggerIngress {

    private final RouteControl routes;
    private final Scheduler scheduler;
    private final ScheduleRepository schedules;
    private final ScheduleFires fires;
    private final boolean allowSeconds;
    private final Map<UUID, CronSchedule> attached = new ConcurrentHashMap<>();

    public ScheduleRoutes(RouteControl routes, Scheduler scheduler, ScheduleRepository schedules,
            @Lazy ScheduleFires fires, WorkflowsProperties properties) {
        this.routes = routes;
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.fires = fires;
        this.allowSeconds = properties.schedule().minIntervalSeconds() < 60;
    }

    @Override
    public synchronized void attach(Deployment deployment, Deployment previous) {
        if (previous != null && isSchedule(previous) && !isSchedule(deployment)) {
            detach(previous);
        }
        if (!isSchedule(deployment)) {
            return;
        }
        UUID workflowId = deployment.workflowId();
        TriggerSpec trigger = deployment.definition().trigger();
        CronSchedule schedule = CronSchedule.of(trigger, allowSeconds);
        UUID scheduleId = schedules.activate(workflowId, trigger.text("cron_expression", null), schedule.timeZone());
        String routeId = IngressCompiler.scheduleRouteId(workflowId.toString());
        if (!schedule.equals(attached.get(workflowId)) || !routes.exists(routeId)) {
            routes.remove(routeId);
            unscheduleIfChanged(workflowId, schedule);
            routes.add(IngressCompiler.schedule(workflowId.toString(), schedule,
                    fires.processorFor(workflowId, scheduleId)), "schedule");
            attached.put(workflowId, schedule);
        }
        schedules.nextRun(workflowId, nextFire(workflowId));
    }

    @Override
    public synchronized void detach(Deployment deployment) {
        if (!isSchedule(deployment)) {
            return;
        }
        UUID workflowId = deployment.workflowId();
        routes.remove(IngressCompiler.scheduleRouteId(workflowId.toString()));
        attached.remove(workflowId);
        unschedule(workflowId);
        schedules.deactivate(workflowId);
    }

    /** The next fire of a workflow's trigger in the job store, or null. */
    public java.time.Instant nextFire(UUID workflowId) {
        try {
            Trigger trigger = scheduler.getTrigger(triggerKey(workflowId));
            return trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the schedule store cannot be read: " + e.getMessage(), e);
        }
    }

    private void unscheduleIfChanged(UUID workflowId, CronSchedule schedule) {
        try {
            if (scheduler.getTrigger(triggerKey(workflowId)) instanceof CronTrigger stored
                    && (!stored.getCronExpression().equals(schedule.quartzCron())
                            || !stored.getTimeZone().getID().equals(schedule.timeZone()))) {
                unschedule(workflowId);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("the schedule store cannot be read: " + e.getMessage(), e);
        }
    }

    private void unschedule(UUID workflowId) {
        try {
            scheduler.unscheduleJob(triggerKey(workflowId));
            scheduler.deleteJob(JobKey.jobKey(IngressCompiler.scheduleName(workflowId.toString()),
                    IngressCompiler.SCHEDULE_GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("the schedule could not be removed: " + e.getMessage(), e);
        }
    }

    static TriggerKey triggerKey(UUID workflowId) {
        return TriggerKey.triggerKey(IngressCompiler.scheduleName(workflowId.toString()), IngressCompiler.SCHEDULE_GROUP);
    }

    private static boolean isSchedule(Deployment deployment) {
        return "schedule".equals(deployment.definition().trigger().type());
    }
}
