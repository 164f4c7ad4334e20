package dev.placemat.workflows.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform's store of analytics events ({@code analytics_events}). */
public interface AnalyticsEvents {

    /** Stores the event and returns its id. */
    String record(String eventName, JsonNode properties, String workflowId, String executionId);
}
