package dev.placemat.workflows.connectors.files;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.connectors.files.FileReferences.FileContent;
import dev.placemat.workflows.connectors.common.Stages;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.connectors.http.HttpCall;
import dev.placemat.workflows.connectors.http.HttpCaller;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.FileStore;
import dev.placemat.workflows.spi.FileStore.StoredFile;
import dev.placemat.workflows.spi.OutboundUrl;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code file.upload}: stores a file in the platform's file store, fetched from {@code source_url} (through the shared outbound client,
 * every address and redirect checked by the outbound guard, size-limited) or copied from {@code source_file}, the
 * {@code file_url} of an earlier step. The output is {@code {file_url, name, size, content_type}}.
 */
public final class FileUploadAction implements TaskAction<FileUploadAction.Config> {

    static final int DEFAULT_MAX_SIZE_MB = 25;
    static final int MAX_SIZE_MB = 100;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

    public record Config(
            @JsonPropertyDescription("http or https URL to fetch the file from") @OutboundUrl String sourceUrl,
            @JsonPropertyDescription("file_url of a file an earlier step stored, such as {{step_2.file_url}}")
            String sourceFile,
            @JsonPropertyDescription("Where to file it, such as reports/summary.pdf; the last part is the file's "
                    + "name (default: the source's name)") String destinationPath,
            @JsonProperty(defaultValue = "25")
            @JsonPropertyDescription("Largest file accepted, in MB (default 25, at most 100)")
            @Min(1) @Max(MAX_SIZE_MB) Integer maxSizeMb) {}

    private final HttpCaller caller = new HttpCaller();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("file.upload", "file", "Upload File", "📁",
                "Stores a file fetched from a URL or produced by an earlier step", Config.class);
    }

    @Override
    public CompletableFuture<Map<String, Object>> execute(Config config, StepContext context) throws StepFailure {
        boolean fromUrl = config.sourceUrl() != null && !config.sourceUrl().isBlank();
        boolean fromFile = config.sourceFile() != null && !config.sourceFile().isBlank();
        if (fromUrl == fromFile) {
            throw StepFailure.permanent("give exactly one of source_url and source_file");
        }
        int maxBytes = maxBytes(config.maxSizeMb());
        CompletableFuture<FileContent> content = fromUrl ? fetch(config.sourceUrl().trim(), maxBytes, context)
                : CompletableFuture.completedFuture(FileReferences.read(config.sourceFile(), context));
        return Stages.then(content, file -> store(config, file, maxBytes, context));
    }

    /**
     * Safe: a second run stores the same content again under a new {@code file_url}; nothing outside the platform
     * changes and nothing is sent, and the earlier copy is only unreferenced.
     */
    @Override
    public boolean repeatSafe(Config config) {
        return true;
    }

    private static Map<String, Object> store(Config config, FileContent content, int maxBytes, StepContext context)
            throws StepFailure {
        if (content.bytes().length > maxBytes) {
            throw StepFailure.permanent("the file is larger than " + maxBytes / (1024 * 1024) + " MB (max_size_mb)");
        }
        String name = name(config.destinationPath(), content.name());
        StoredFile stored = context.services().require(FileStore.class)
                .save(name, content.contentType(), content.bytes());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file_url", stored.fileUrl());
        out.put("name", stored.name());
        out.put("size", stored.size());
        out.put("content_type", stored.contentType());
        return out;
    }

    private CompletableFuture<FileContent> fetch(String url, int maxBytes, StepContext context) throws StepFailure {
        URI uri = HttpCall.absoluteUri(url, "source_url");
        HttpCall call = HttpCall.of("GET", uri, Map.of(), null, Timeouts.within(FETCH_TIMEOUT, context))
                .withMaxBodyBytes(maxBytes);
        return Stages.then(caller.send(call, context), answer -> {
            if (answer.status() >= 400) {
                throw answer.failure("HTTP " + answer.status() + " " + answer.reason() + " when fetching the file from "
                        + uri.getHost());
            }
            String name = FileNames.fromUrl(url);
            String type = answer.contentType() == null ? FileNames.guessContentType(name) : answer.contentType();
            return new FileContent(name, FileNames.contentType(type), answer.body());
        });
    }

    private static int maxBytes(Integer maxSizeMb) throws StepFailure {
        int mb = maxSizeMb == null ? DEFAULT_MAX_SIZE_MB : maxSizeMb;
        if (mb < 1 || mb > MAX_SIZE_MB) {
            throw StepFailure.permanent("max_size_mb must be between 1 and " + MAX_SIZE_MB + ", not " + mb);
        }
        return mb * 1024 * 1024;
    }

    private static String name(String destinationPath, String sourceName) {
        if (destinationPath == null || destinationPath.isBlank() || destinationPath.endsWith("/")) {
            return sourceName;
        }
        return FileNames.sanitise(destinationPath);
    }
}
