package dev.placemat.workflows.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The trigger's data is at trigger_data for every trigger type, beside the design's own paths. */
class ExecutionContextsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode initial(String triggerData) throws Exception {
        return ExecutionContexts.initial((ObjectNode) JSON.readTree(triggerData), UUID.randomUUID(), UUID.randomUUID(),
                1, Instant.parse("2026-12-04T09:00:00Z"));
    }

    @Test
    void putsEachTriggersDataAtTriggerData() throws Exception {
        assertThat(initial("{\"trigger\":{\"type\":\"webhook\"},\"webhook_data\":{\"n\":1},\"headers\":{\"a\":\"b\"}}")
                .get("trigger_data")).isEqualTo(JSON.readTree("{\"n\":1}"));
        assertThat(initial("{\"trigger\":{\"type\":\"event\"},\"event_data\":{\"id\":7}}").get("trigger_data"))
                .isEqualTo(JSON.readTree("{\"id\":7}"));
        assertThat(initial("{\"trigger\":{\"type\":\"manual\",\"user\":\"ann\"},\"order\":3}").get("trigger_data"))
                .isEqualTo(JSON.readTree("{\"order\":3}"));
        assertThat(initial("{\"trigger\":{\"type\":\"schedule\",\"schedule_id\":\"s\"}}").get("trigger_data"))
                .isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void keepsTriggerDataARunGaveItself() throws Exception {
        ObjectNode context = initial("{\"trigger\":{\"type\":\"manual\"},\"trigger_data\":{\"x\":1},\"y\":2}");
        assertThat(context.get("trigger_data")).isEqualTo(JSON.readTree("{\"x\":1}"));
        assertThat(context.get("y").asInt()).isEqualTo(2);
    }

    @Test
    void datesTheExecutionWithItsIsoWeek() {
        assertThat(ExecutionContexts.date(Instant.parse("2026-12-04T09:00:00Z")).get("week").asText())
                .isEqualTo("2026-W49");
        assertThat(ExecutionContexts.date(Instant.parse("2026-03-02T00:00:00Z")).get("week").asText())
                .isEqualTo("2026-W10");
        assertThat(ExecutionContexts.date(Instant.parse("2026-01-05T00:00:00Z")).get("week").asText())
                .isEqualTo("2026-W02");
        // 1 January 2027 is a Friday: it belongs to the last week of 2026
        assertThat(ExecutionContexts.date(Instant.parse("2027-01-01T12:00:00Z")).get("week").asText())
                .isEqualTo("2026-W53");
    }

    @Test
    void writesTheIsoTimeAsJavasFormatterDoes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(ExecutionContexts.date(instant).get("iso").asText())
                    .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneOffset.UTC)));
        }
        assertThat(ExecutionContexts.date(Instant.parse("2026-12-04T09:00:00.250Z")).get("iso").asText())
                .isEqualTo("2026-12-04T09:00:00.25Z");
    }
}
