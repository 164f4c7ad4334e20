package dev.placemat.workflows.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.schedule.ScheduleStarter;
import dev.placemat.workflows.app.support.Executions;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

class ScheduleTriggerIT extends IntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    Scheduler appScheduler;

    private static ObjectNode schedule(String cron, String zone) {
        return Json.of("{'name':'Ticker','trigger':{'type':'schedule','config':{'cron_expression':'" + cron + "'"
                + (zone == null ? "" : ",'timezone':'" + zone + "'") + "}},'steps':[{'action_type':'data.transform',"
                + "'config':{'expression':'trigger.scheduled_time'}},{'action_type':'data.transform','config':"
                + "{'expression':'$exists(trigger_data) and $count($keys(trigger_data)) = 0'}}]}");
    }

    private long executions(String workflowId) {
        return jdbc.sql("SELECT count(*) FROM workflow_executions WHERE workflow_id = ?::uuid").param(workflowId)
                .query(Long.class).single();
    }

    private Map<String, Object> scheduleRow(String workflowId) {
        return jdbc.sql("SELECT id, is_active, next_run_at, last_run_at, timezone FROM workflow_schedules "
                + "WHERE workflow_id = ?::uuid").param(workflowId).query().singleRow();
    }

    private List<Map<String, Object>> quartzTriggers(String workflowId) {
        return jdbc.sql("SELECT t.misfire_instr, c.cron_expression, c.time_zone_id FROM qrtz_triggers t "
                + "JOIN qrtz_cron_triggers c USING (sched_name, trigger_name, trigger_group) WHERE t.trigger_name = ?")
                .param("wf-" + workflowId).query().listOfRows();
    }

    @Test
    void firesRecordsEachFireAndStopsAfterUndeploy() {
        JsonNode workflow = api().deploy(schedule("*/1 * * * * *", "UTC"));
        String id = workflow.get("id").asText();
        assertThat(scheduleRow(id).get("is_active")).isEqualTo(true);
        assertThat(scheduleRow(id).get("next_run_at")).isNotNull();

        await().atMost(Duration.ofSeconds(20)).until(() -> executions(id) >= 2);
        Map<String, Object> row = scheduleRow(id);
        assertThat(row.get("last_run_at")).isNotNull();
        assertThat((java.sql.Timestamp) row.get("next_run_at")).isAfter((java.sql.Timestamp) row.get("last_run_at"));
        JsonNode trigger = Json.of(jdbc.sql("SELECT trigger_data::text FROM workflow_executions WHERE workflow_id = "
                + "?::uuid ORDER BY started_at LIMIT 1").param(id).query(String.class).single()).get("trigger");
        assertThat(trigger.get("type").asText()).isEqualTo("schedule");
        assertThat(trigger.get("schedule_id").asText()).isEqualTo(row.get("id").toString());
        assertThat(trigger.get("scheduled_time").asText()).endsWith("Z");
        String first = jdbc.sql("SELECT id::text FROM workflow_executions WHERE workflow_id = ?::uuid "
                + "ORDER BY started_at LIMIT 1").param(id).query(String.class).single();
        JsonNode ended = Executions.awaitEnd(api(), first);
        assertThat(ended.get("execution_data").get("step_2").asBoolean())
                .as("a schedule's data is at trigger_data ({}), as every trigger's").isTrue();

        api().post("/api/workflows/" + id + "/undeploy", null).expect(200);
        assertThat(scheduleRow(id).get("is_active")).isEqualTo(false);
        assertThat(quartzTriggers(id)).isEmpty();
        long stopped = executions(id);
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> executions(id) == stopped);
    }

    @Test
    void aChangedTimeZoneAloneTakesEffectOnRedeployAndDeleteUnschedules() {
        JsonNode workflow = api().deploy(schedule("0 9 * * MON", null));
        String id = workflow.get("id").asText();
        assertThat(quartzTriggers(id)).extracting(r -> r.get("cron_expression"), r -> r.get("time_zone_id"),
                r -> ((Number) r.get("misfire_instr")).intValue())
                .containsExactly(tuple("0 0 9 ? * MON", "Australia/Sydney", 1));
        Object sydneyNext = scheduleRow(id).get("next_run_at");

        api().put("/api/workflows/" + id, schedule("0 9 * * MON", "Europe/Berlin")).expect(200);
        api().post("/api/workflows/" + id + "/deploy", null).expect(200);
        assertThat(quartzTriggers(id)).extracting(r -> r.get("time_zone_id")).containsExactly("Europe/Berlin");
        assertThat(scheduleRow(id).get("timezone")).isEqualTo("Europe/Berlin");
        assertThat(scheduleRow(id).get("next_run_at")).isNotEqualTo(sydneyNext);

        api().delete("/api/workflows/" + id).expect(204);
        assertThat(quartzTriggers(id)).isEmpty();
    }

    @Test
    void refusesUntranslatableSchedulesAndUnknownTimeZonesWithTheirPaths() {
        JsonNode problem = api().post("/api/workflows", schedule("0 9 1 * MON", "Mars/Olympus")).expect(422).json();
        assertThat(problem.get("errors")).extracting(e -> e.get("path").asText()).containsExactlyInAnyOrder(
                "trigger.config.cron_expression", "trigger.config.timezone");
    }

    @Test
    void twoClusteredSchedulersOnOneDatabaseFireEachTickOnce() throws Exception {
        AtomicInteger secondNodeFires = new AtomicInteger();
        SchedulerFactoryBean second = secondNode(secondNodeFires);
        JsonNode workflow = api().deploy(schedule("*/1 * * * * *", "UTC"));
        String id = workflow.get("id").asText();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> executions(id) >= 3);
            appScheduler.standby();
            await().atMost(Duration.ofSeconds(20)).until(() -> secondNodeFires.get() >= 3);
            appScheduler.start();
            long both = executions(id);
            await().atMost(Duration.ofSeconds(20)).until(() -> executions(id) >= both + 3);
        } finally {
            appScheduler.start();
            api().post("/api/workflows/" + id + "/undeploy", null).expect(200);
            second.destroy();
        }
        List<Map<String, Object>> ticks = jdbc.sql("SELECT trigger_data->'trigger'->>'scheduled_time' AS tick, "
                + "count(*) AS n FROM workflow_executions WHERE workflow_id = ?::uuid GROUP BY 1").param(id)
                .query().listOfRows();
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(9).allSatisfy(t -> assertThat(t.get("n")).isEqualTo(1L));
        assertThat(secondNodeFires.get()).isGreaterThanOrEqualTo(3);
    }

    /**
     * A second platform node's Quartz: same scheduler name and database, another instance id, same Camel routes.
     * While the app's scheduler stands by, the second takes every tick; with both running, each tick fires once.
     */
    private SchedulerFactoryBean secondNode(AtomicInteger fires) throws Exception {
        Properties quartz = new Properties();
        quartz.put("org.quartz.scheduler.instanceId", "it-second-node");
        quartz.put("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.put("org.quartz.jobStore.isClustered", "true");
        quartz.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        quartz.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.put("org.quartz.threadPool.threadCount", "2");
        quartz.put("org.quartz.scheduler.idleWaitTime", "1000");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName("placemat-workflows");
        factory.setQuartzProperties(quartz);
        factory.setDataSource(dataSource);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        Scheduler scheduler = factory.getObject();
        ScheduleStarter.register(camel, scheduler);
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "count-fires";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                fires.incrementAndGet();
            }
        });
        scheduler.start();
        return factory;
    }
}
