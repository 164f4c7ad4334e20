package dev.placemat.workflows.compiler.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.definition.TriggerType.ConditionConfig;
import java.util.List;
import java.util.Map;

/** An action nested in a control step; its config is checked against its own action's schema. */
public record NestedAction(
        @JsonProperty(required = true) @JsonPropertyDescription("The nested action's type") String actionType,
        @JsonPropertyDescription("The nested action's config") Map<String, Object> config,
        List<ConditionConfig> condition,
        Map<String, Object> retryConfig,
        Integer timeoutSeconds,
        @JsonPropertyDescription("After a crash while this action ran: retry it, or ask (stop as interrupted)")
        String onInterrupt,
        @JsonPropertyDescription("The step's name, shown on the canvas") String name,
        @JsonPropertyDescription("Notes for people; the engine ignores them") String notes) {}
