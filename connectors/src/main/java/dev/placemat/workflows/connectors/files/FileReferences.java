package dev.placemat.workflows.connectors.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.FileStore;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;

/**
 * Files that earlier steps stored, by their {@code file_url}. {@link FileStore#read} gives only the bytes; the name
 * and content type are taken from the earlier step's output ({@code {file_url, name, content_type}}) when it is in
 * the context, else from the URL.
 */
public final class FileReferences {

    private static final int MAX_DEPTH = 8;

    /** A file of an earlier step: its label, content type and bytes. */
    public record FileContent(String name, String contentType, byte[] bytes) {}

    private FileReferences() {}

    public static FileContent read(String fileUrl, StepContext context) throws StepFailure {
        if (fileUrl == null || fileUrl.isBlank()) {
            throw StepFailure.permanent(
                    "a file_url is empty after templates were resolved; check the step it comes from");
        }
        byte[] bytes = context.services().require(FileStore.class).read(fileUrl.trim());
        JsonNode described = context.read(data -> {
            JsonNode found = find(data, fileUrl.trim(), 0);
            return found == null ? null : found.deepCopy();
        });
        String name = described != null && described.path("name").isTextual()
                ? FileNames.sanitise(described.path("name").asText()) : FileNames.fromUrl(fileUrl);
        String type = described != null && described.path("content_type").isTextual()
                ? FileNames.contentType(described.path("content_type").asText()) : FileNames.guessContentType(name);
        return new FileContent(name, type, bytes);
    }

    private static JsonNode find(JsonNode node, String fileUrl, int depth) {
        if (node == null || depth > MAX_DEPTH || !node.isContainerNode()) {
            return null;
        }
        if (node.isObject() && fileUrl.equals(node.path("file_url").asText(null))) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = find(child, fileUrl, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
