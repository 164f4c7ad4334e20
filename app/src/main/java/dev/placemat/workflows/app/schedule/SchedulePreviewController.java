package dev.placemat.workflows.app.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.definition.TriggerSpec;
import dev.placemat.workflows.definition.TriggerType;
import dev.placemat.workflows.schedule.CronSchedule;
import dev.placemat.workflows.validation.ConfigSchemas;
import dev.placemat.workflows.validation.Errors;
import dev.placemat.workflows.validation.FieldError;
import dev.placemat.workflows.validation.InvalidDefinitionException;
import dev.placemat.workflows.validation.ScheduleTriggerRule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The next fire times of a schedule trigger's config, computed by the same {@link CronSchedule} that schedules it and
 * checked by the same rules as the trigger's validation, so that the designer never shows a preview the server would
 * not keep. Errors come back as 422 with the config field's name as path ({@code cron_expression}, {@code timezone}).
 */
@RestController
public class SchedulePreviewController {

    /** The zone the times are in, and the next fire times in it (ISO-8601 with their offset). */
    public record SchedulePreview(String timezone, List<String> next) {}

    static final int FIRES = 5;
    private static final String CONFIG_PATH = "trigger.config";

    private final ConfigSchemas schemas;
    private final ScheduleTriggerRule rule;
    private final boolean allowSeconds;

    public SchedulePreviewController(ConfigSchemas schemas, WorkflowsProperties properties) {
        Duration minInterval = Duration.ofSeconds(properties.schedule().minIntervalSeconds());
        this.schemas = schemas;
        this.rule = new ScheduleTriggerRule(minInterval);
        this.allowSeconds = minInterval.toSeconds() < 60;
    }

    /** {@code {"cron_expression", "timezone"}} to {@code {"timezone", "next": [ISO times in that zone]}}. */
    @PostMapping("/api/schedules/preview")
    public SchedulePreview preview(@RequestBody JsonNode body) {
        ObjectNode config = body instanceof ObjectNode object ? object.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Errors errors = new Errors();
        if (!(body instanceof ObjectNode)) {
            errors.add("$", "type", "send an object such as {\"cron_expression\": \"0 9 * * MON\", \"timezone\": "
                    + "\"Europe/Berlin\"}");
        }
        errors.addAll(schemas.validate(TriggerType.SCHEDULE.configType(), config, CONFIG_PATH));
        TriggerSpec trigger = new TriggerSpec(TriggerType.SCHEDULE.id(), config);
        if (errors.isEmpty()) {
            rule.check(trigger, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidDefinitionException(
                    errors.list().stream().map(SchedulePreviewController::relative).toList());
        }
        CronSchedule schedule = CronSchedule.of(trigger, allowSeconds);
        ZoneId zone = ZoneId.of(schedule.timeZone());
        return new SchedulePreview(schedule.timeZone(), schedule.nextFires(Instant.now(), FIRES).stream()
                .map(fire -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(fire.atZone(zone))).toList());
    }

    /** {@code trigger.config.timezone} as the preview's own field: {@code timezone}. */
    private static FieldError relative(FieldError error) {
        String path = error.path().startsWith(CONFIG_PATH + ".") ? error.path().substring(CONFIG_PATH.length() + 1)
                : error.path();
        return new FieldError(path, error.code(), error.message());
    }
}
