package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Changes to a page's tags: {@code {add: ["Budget Alert"]}}, {@code remove}, or {@code set} to replace them all. */
public record TagChanges(
        @JsonPropertyDescription("Tags to add to the page's tags") List<String> add,
        @JsonPropertyDescription("Tags to take off the page") List<String> remove,
        @JsonPropertyDescription("The page's tags from now on (instead of add and remove)") List<String> set) {}
