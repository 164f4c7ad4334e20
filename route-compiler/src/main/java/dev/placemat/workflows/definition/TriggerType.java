package dev.placemat.workflows.definition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four trigger types of the design, each with the record its config must fit. */
public enum TriggerType {
    WEBHOOK("webhook", WebhookConfig.class, "webhook_data"),
    SCHEDULE("schedule", ScheduleConfig.class, null),
    EVENT("event", EventConfig.class, "event_data"),
    MANUAL("manual", ManualConfig.class, null);

    /** Where every trigger type's data is in an execution's context: {@code {{trigger_data.name}}}. */
    public static final String DATA_PATH = "trigger_data";

    private final String id;
    private final Class<?> configType;
    private final String dataPath;

    TriggerType(String id, Class<?> configType, String dataPath) {
        this.id = id;
        this.configType = configType;
        this.dataPath = dataPath;
    }

    public String id() {
        return id;
    }

    /** The design's own path for this trigger's data ({@code webhook_data}, {@code event_data}), besides {@link #DATA_PATH}. */
    public Optional<String> designDataPath() {
        return Optional.ofNullable(dataPath);
    }

    public Class<?> configType() {
        return configType;
    }

    public static Optional<TriggerType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(TriggerType::id).toList();
    }

    /** Response modes of a webhook. */
    public enum ResponseMode {
        @JsonProperty("async") ASYNC,
        @JsonProperty("sync") SYNC
    }

    public record WebhookConfig(
            @JsonPropertyDescription("The id in /webhooks/workflow/{webhook_id}; generated when absent")
            String webhookId,
            @JsonPropertyDescription("Shared secret for HMAC-SHA256 request signatures; write-only")
            String secret,
            @JsonProperty(defaultValue = "X-Webhook-Signature")
            @JsonPropertyDescription("Header with the signature sha256=<hex>; default X-Webhook-Signature")
            String signatureHeader,
            @JsonProperty(defaultValue = "X-Webhook-Timestamp")
            @JsonPropertyDescription("Header with the Unix time the signature covers; default X-Webhook-Timestamp")
            String timestampHeader,
            @JsonProperty(defaultValue = "async")
            @JsonPropertyDescription("async: answer 202 once the execution is stored; sync: answer with its output")
            ResponseMode responseMode,
            @JsonPropertyDescription("sync only: seconds to wait for the end before answering 202; default 30")
            Integer syncTimeoutSeconds,
            @JsonPropertyDescription("Signed webhooks: refuse a signature already accepted (409), so that a captured "
                    + "request cannot be sent again")
            Boolean refuseReplays,
            @JsonPropertyDescription("Requests accepted per minute at most; more answer 429 with Retry-After")
            @Min(1) @Max(MAX_RATE_LIMIT_PER_MINUTE) Integer rateLimitPerMinute) {

        public static final int MAX_RATE_LIMIT_PER_MINUTE = 600_000;
    }

    public record ScheduleConfig(
            @JsonProperty(required = true)
            @JsonPropertyDescription("Unix cron with 5 fields: minute hour day-of-month month day-of-week")
            String cronExpression,
            @JsonPropertyDescription("IANA time zone, such as Australia/Sydney")
            String timezone) {}

    public record EventConfig(
            @JsonProperty(required = true)
            @JsonPropertyDescription("The event type, such as notion.opportunity.stage_changed")
            String eventType,
            @JsonPropertyDescription("All must hold on the event data for the workflow to run")
            List<ConditionConfig> conditions) {}

    public record ManualConfig() {}

    /** A condition as written in definitions. */
    public record ConditionConfig(
            @JsonProperty(required = true) String field,
            @JsonProperty(required = true) String operator,
            Object value) {}
}
