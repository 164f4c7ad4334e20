package dev.placemat.workflows.compiler;

import dev.placemat.workflows.schedule.CronSchedule;
import org.apache.camel.Processor;
import org.apache.camel.model.RouteDefinition;

/**
 * Ingress routes: where executions come from. They are compiled apart from body routes because they outlive a
 * deployment (a webhook path stays served while the workflow behind it is redeployed) and may be shared (several
 * workflows under one webhook id).
 */
public final class IngressCompiler {

    public static final String WEBHOOK_PATH = "/webhooks/workflow/";
    /** The Quartz group of every schedule; the job and trigger are named {@code wf-<workflow id>}. */
    public static final String SCHEDULE_GROUP = "placemat-schedules";
    /** Every node must use the same commit factory; Camel's default commits asynchronously or not at all. */
    private static final String MANUAL_COMMIT_FACTORY =
            "#class:org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory";

    private IngressCompiler() {}

    /**
     * {@code POST /webhooks/workflow/<id>} for every webhook id, one camel-platform-http route handed to the acceptor,
     * which finds the workflows deployed under the id. One route, not one per id: deploying a workflow adds no route
     * and no Spring MVC mapping, so deploy time and memory do not grow with the number of webhooks. Camel never
     * answers with an exception's text ({@code muteException}); the acceptor writes every answer itself.
     */
    public static RouteDefinition webhooks(Processor acceptor) {
        RouteDefinition route = new RouteDefinition();
        route.from("platform-http:" + WEBHOOK_PATH + "{webhookId}?httpMethodRestrict=POST&muteException=true");
        route.routeId(NodeIds.WEBHOOK_ROUTE);
        route.setDescription("webhooks");
        route.process(acceptor).id(NodeIds.WEBHOOK_ROUTE + "-accept");
        return route;
    }

    public static String scheduleRouteId(String workflowId) {
        return "schedule-" + workflowId;
    }

    /** The Quartz job and trigger name of a workflow's schedule (in {@link #SCHEDULE_GROUP}). */
    public static String scheduleName(String workflowId) {
        return "wf-" + workflowId;
    }

    /**
     * A Quartz cron trigger in the clustered job store, read in the schedule's time zone. camel-quartz gives cron
     * triggers the fire-once-now misfire rule: a fire missed while no node ran is made up once, not once per tick.
     */
    public static RouteDefinition schedule(String workflowId, CronSchedule schedule, Processor fire) {
        RouteDefinition route = new RouteDefinition();
        route.from("quartz://" + SCHEDULE_GROUP + "/" + scheduleName(workflowId)
                + "?cron=" + schedule.quartzCron().replace(' ', '+')
                + "&trigger.timeZone=" + schedule.timeZone());
        route.routeId(scheduleRouteId(workflowId));
        route.setErrorHandlerFactory(WorkflowCompiler.quietErrorHandler());
        route.setDescription("schedule of workflow " + workflowId);
        route.process(fire).id(scheduleRouteId(workflowId) + "-fire");
        return route;
    }

    public static String eventRouteId(String workflowId) {
        return "events-" + workflowId;
    }

    /** The Kafka consumer group of an event workflow: each workflow sees every event once, shared by all nodes. */
    public static String eventGroup(String workflowId) {
        return "placemat-wf-" + workflowId;
    }

    /** Attempts of an event's delivery to a workflow before the bus gives up on it (Kafka: reads it again). */
    public static final int EVENT_DELIVERY_ATTEMPTS = 8;
    static final long EVENT_FIRST_RETRY_MILLIS = 200;

    /**
     * Events from Kafka, at least once: offsets are committed by the acceptor only once the execution row is
     * committed; a delivery that still fails after its retries stops the partition at that record and it is read
     * again ({@code breakOnFirstError}).
     */
    public static RouteDefinition events(String workflowId, String topic, String brokers, Processor acceptor) {
        return events(workflowId, "kafka:" + topic + "?brokers=" + brokers
                + "&groupId=" + eventGroup(workflowId)
                + "&autoOffsetReset=earliest"
                + "&allowManualCommit=true&autoCommitEnable=false&breakOnFirstError=true"
                + "&kafkaManualCommitFactory=" + MANUAL_COMMIT_FACTORY
                + "&pollTimeoutMs=500", acceptor);
    }

    /** The in-process queue a workflow's events travel on when there is no Kafka. */
    public static String eventQueue(String workflowId) {
        return "seda:placemat-events-" + workflowId;
    }

    /**
     * Events from the in-process bus (no Kafka): the workflow's own queue, with the same route and redelivery as
     * Kafka's. Held in memory only.
     */
    public static RouteDefinition inProcessEvents(String workflowId, Processor acceptor) {
        return events(workflowId, eventQueue(workflowId) + "?concurrentConsumers=2", acceptor);
    }

    /** One shape for both buses: a failed delivery is tried again with growing delays, without holding a thread. */
    private static RouteDefinition events(String workflowId, String from, Processor acceptor) {
        RouteDefinition route = new RouteDefinition();
        route.from(from);
        route.routeId(eventRouteId(workflowId));
        route.setErrorHandlerFactory(WorkflowCompiler.quietErrorHandler()
                .maximumRedeliveries(EVENT_DELIVERY_ATTEMPTS - 1)
                .redeliveryDelay(EVENT_FIRST_RETRY_MILLIS)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .asyncDelayedRedelivery());
        route.setDescription("events of workflow " + workflowId);
        route.process(acceptor).id(eventRouteId(workflowId) + "-accept");
        return route;
    }
}
