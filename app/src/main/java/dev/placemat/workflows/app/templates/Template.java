package dev.placemat.workflows.app.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** A public template: what it is for, the workflow definition it creates, and how often it was used. */
public record Template(UUID id, String name, String category, String description, JsonNode templateConfig,
        int usageCount) {}
