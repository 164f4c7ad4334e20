package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.definition.TriggerType;
import dev.placemat.workflows.runtime.ExecutionState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Set;
import java.util.UUID;

/**
 * The context an execution starts with: the trigger data as given ({@code trigger}, {@code webhook_data},
 * {@code event_data}, ...), plus {@code execution} (its ids) and {@code date} (when it started, in UTC, with the
 * ISO week the design's weekly report uses as {@code {{date.week}}}).
 *
 * <p>Whatever the trigger, its data is also at {@code trigger_data}, the canonical path: a webhook's body, an
 * event's data, the fields of a manual run, {@code {}} for a schedule. The design's paths stay as they were.
 */
public final class ExecutionContexts {

    /** Context keys that are not the data of a manual run. */
    private static final Set<String> NOT_DATA = Set.of("trigger", "headers", "query", "execution", "date");

    private ExecutionContexts() {}

    public static ObjectNode initial(ObjectNode triggerData, UUID executionId, UUID workflowId, int version, Instant start) {
        ObjectNode context = triggerData.deepCopy();
        if (!context.has(TriggerType.DATA_PATH)) {
            context.set(TriggerType.DATA_PATH, dataOf(context));
        }
        ObjectNode execution = context.putObject("execution");
        execution.put("id", executionId.toString());
        execution.put("workflow_id", workflowId == null ? null : workflowId.toString());
        execution.put("workflow_version", version);
        execution.put("started_at", start.toString());
        context.set("date", date(start));
        return context;
    }

    /**
     * The context an execution ends with, as it is stored, answered and published: a copy without
     * {@code trigger_data}, which is the trigger's data again (kept in the execution's {@code trigger_data} column,
     * and put back when an execution resumes). Published in a {@code workflow.completed} event that starts the next
     * workflow, it would double the event at every hop.
     */
    static ObjectNode result(ExecutionState state) {
        return state.read(context -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            context.fields().forEachRemaining(field -> {
                if (!TriggerType.DATA_PATH.equals(field.getKey())) {
                    result.set(field.getKey(), field.getValue().deepCopy());
                }
            });
            return result;
        });
    }

    /** The trigger's data: the webhook body, the event's data, or the fields of a manual run (shared, not copied). */
    private static JsonNode dataOf(ObjectNode context) {
        for (TriggerType type : TriggerType.values()) {
            String path = type.designDataPath().orElse(null);
            if (path != null && context.has(path)) {
                return context.get(path);
            }
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        context.fields().forEachRemaining(field -> {
            if (!NOT_DATA.contains(field.getKey())) {
                fields.set(field.getKey(), field.getValue());
            }
        });
        return fields;
    }

    static ObjectNode date(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        ObjectNode date = JsonNodeFactory.instance.objectNode();
        date.put("iso", iso(t));
        date.put("today", t.toLocalDate().toString());
        date.put("year", t.getYear());
        date.put("month", t.getMonthValue());
        date.put("day", t.getDayOfMonth());
        date.put("week", isoWeek(t));
        return date;
    }

    /**
     * The text {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} gives a UTC time ({@code 2026-12-04T09:00:00.25Z}:
     * seconds always, the fraction without trailing zeros), built by hand, as it is for every execution (the
     * formatter cost 0.7% of a webhook's CPU).
     */
    static String iso(ZonedDateTime t) {
        StringBuilder text = new StringBuilder(32).append(t.toLocalDate()).append('T');
        twoDigits(text, t.getHour()).append(':');
        twoDigits(text, t.getMinute()).append(':');
        twoDigits(text, t.getSecond());
        int nanos = t.getNano();
        if (nanos > 0) {
            String fraction = Integer.toString(1_000_000_000 + nanos).substring(1);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.append('Z').toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@code 2026-W49}: built by hand, as it is for every execution (String.format cost 3% of a webhook's CPU). */
    private static String isoWeek(ZonedDateTime t) {
        int week = t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return t.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
    }
}
