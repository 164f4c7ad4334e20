package dev.placemat.workflows.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import dev.placemat.workflows.app.support.Users;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulePreviewIT extends IntegrationTest {

    private static List<OffsetDateTime> next(JsonNode preview) {
        List<OffsetDateTime> times = new ArrayList<>();
        preview.get("next").forEach(t -> times.add(OffsetDateTime.parse(t.asText())));
        return times;
    }

    @Test
    void previewsTheFireTimesTheServerSchedulesInAZoneOtherThanUtc() {
        JsonNode preview = api().post("/api/schedules/preview",
                Map.of("cron_expression", "30 9 * * MON-FRI", "timezone", "America/New_York")).expect(200).json();
        assertThat(preview.get("timezone").asText()).isEqualTo("America/New_York");
        List<OffsetDateTime> times = next(preview);
        assertThat(times).hasSize(5).allSatisfy(t -> {
            var local = t.atZoneSameInstant(ZoneId.of("America/New_York"));
            assertThat(local.getHour()).isEqualTo(9);
            assertThat(local.getMinute()).isEqualTo(30);
            assertThat(local.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(t.getOffset()).isEqualTo(local.getOffset());
        });
        assertThat(times).isSorted().doesNotHaveDuplicates();

        String id = api().deploy(Json.of("{'name':'Preview','trigger':{'type':'schedule','config':{'cron_expression':"
                + "'30 9 * * MON-FRI','timezone':'America/New_York'}},'steps':[{'action_type':'data.transform',"
                + "'config':{'expression':'1'}}]}")).get("id").asText();
        Timestamp scheduled = jdbc.sql("SELECT next_run_at FROM workflow_schedules WHERE workflow_id = ?::uuid")
                .param(id).query(Timestamp.class).single();
        Long quartz = jdbc.sql("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = ?").param("wf-" + id)
                .query(Long.class).single();
        assertThat(next(api().post("/api/schedules/preview", Map.of("cron_expression", "30 9 * * MON-FRI",
                "timezone", "America/New_York")).expect(200).json()).get(0).toInstant())
                .isEqualTo(scheduled.toInstant())
                .isEqualTo(java.time.Instant.ofEpochMilli(quartz));
        api().delete("/api/workflows/" + id).expect(204);
    }

    @Test
    void usesTheServersDefaultZoneWhenNoneIsGiven() {
        JsonNode preview = api().post("/api/schedules/preview", Map.of("cron_expression", "0 9 * * *")).expect(200)
                .json();
        assertThat(preview.get("timezone").asText()).isEqualTo("Australia/Sydney");
        assertThat(next(preview)).allSatisfy(t ->
                assertThat(t.atZoneSameInstant(ZoneId.of("Australia/Sydney")).getHour()).isEqualTo(9));
    }

    @Test
    void refusesWhatTheScheduleTriggerRefusesWithTheFieldsPath() {
        JsonNode both = api().post("/api/schedules/preview", Map.of("cron_expression", "0 9 1 * MON",
                "timezone", "Mars/Olympus")).expect(422).json();
        assertThat(both.get("errors")).extracting(e -> e.get("path").asText(), e -> e.get("code").asText())
                .containsExactlyInAnyOrder(tuple("cron_expression", "invalid_cron"),
                        tuple("timezone", "unknown_timezone"));
        JsonNode missing = api().post("/api/schedules/preview", Map.of("timezone", "UTC")).expect(422).json();
        assertThat(missing.get("errors")).extracting(e -> e.get("path").asText(), e -> e.get("code").asText())
                .containsExactly(tuple("cron_expression", "required"));
        JsonNode never = api().post("/api/schedules/preview", Map.of("cron_expression", "0 0 30 2 *")).expect(422)
                .json();
        assertThat(never.get("errors").get(0).get("code").asText()).isEqualTo("never_fires");
        api().post("/api/schedules/preview", "[1]").expect(422);
    }

    @Test
    void viewersMayPreviewAndStrangersMayNot() {
        Users.withRole(api(), port, "viewer").post("/api/schedules/preview", Map.of("cron_expression", "@daily"))
                .expect(200);
        anonymous().post("/api/schedules/preview", Map.of("cron_expression", "@daily")).expect(401);
    }
}
