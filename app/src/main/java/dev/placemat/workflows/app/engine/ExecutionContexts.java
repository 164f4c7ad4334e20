package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.UUID;

/**
 * The context an execution starts with: the trigger data as given ({@code trigger}, {@code webhook_data},
 * {@code event_data}, ...), plus {@code execution} (its ids) and {@code date} (when it started, in UTC, with the
 * ISO week the design's weekly report uses as {@code {{date.week}}}).
 */
public final class ExecutionContexts {

    private ExecutionContexts() {}

    public static ObjectNode initial(ObjectNode triggerData, UUID executionId, UUID workflowId, int version, Instant start) {
        ObjectNode context = triggerData.deepCopy();
        ObjectNode execution = context.putObject("execution");
        execution.put("id", executionId.toString());
        execution.put("workflow_id", workflowId == null ? null : workflowId.toString());
        execution.put("workflow_version", version);
        execution.put("started_at", start.toString());
        context.set("date", date(start));
        return context;
    }

    static ObjectNode date(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        ObjectNode date = JsonNodeFactory.instance.objectNode();
        date.put("iso", t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        date.put("today", t.toLocalDate().toString());
        date.put("year", t.getYear());
        date.put("month", t.getMonthValue());
        date.put("day", t.getDayOfMonth());
        date.put("week", String.format("%d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        return date;
    }
}
