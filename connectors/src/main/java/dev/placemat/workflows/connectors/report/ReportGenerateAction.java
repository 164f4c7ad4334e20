package dev.placemat.workflows.connectors.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.placemat.workflows.connectors.common.Mustaches;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.FileStore;
import dev.placemat.workflows.spi.FileStore.StoredFile;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import dev.placemat.workflows.validation.ConfigMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code report.generate}: fills a report template shipped with the platform ({@code weekly_financial}) with
 * {@code data} (logic-less Mustache, every value HTML-escaped), renders it as PDF and stores it in the file store.
 * Output: {@code {file_url, name, size, pages}}, ready for {@code email.send}'s attachments.
 */
public final class ReportGenerateAction implements TaskAction<ReportGenerateAction.Config> {

    /** Output formats. */
    public enum Format { pdf }

    public record Config(
            @JsonProperty(required = true) @JsonPropertyDescription("Report template, such as weekly_financial")
            String template,
            @JsonPropertyDescription("The report's data, such as {{step_1}} (the output of data.aggregate)")
            Object data,
            @JsonPropertyDescription("Output format (only pdf)") Format format,
            @JsonPropertyDescription("Title printed on the report (default: from the template's name)")
            String title) {}

    private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ReportTemplates templates = new ReportTemplates();
    private final PdfRenderer renderer = new PdfRenderer();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("report.generate", "report", "Generate Report", "📑",
                "Renders a report template with data as a PDF file", Config.class);
    }

    @Override
    public Object execute(Config config, StepContext context) throws StepFailure {
        String source = templates.source(config.template());
        String name = config.template().strip();
        String title = config.title() == null || config.title().isBlank() ? titleOf(name) : config.title().strip();
        JsonNode data = config.data() == null ? JsonNodeFactory.instance.objectNode()
                : ConfigMapper.toJson(config.data());
        String generatedAt = ZonedDateTime.now(ZoneOffset.UTC).format(GENERATED_AT);
        String html = Mustaches.html("report template '" + name + "'", source,
                ReportModel.of(title, generatedAt, data));
        PdfRenderer.Pdf pdf = renderer.render(html, title);
        String fileName = name + "-" + LocalDate.now(ZoneOffset.UTC) + ".pdf";
        StoredFile stored = context.services().require(FileStore.class).save(fileName, "application/pdf", pdf.bytes());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file_url", stored.fileUrl());
        out.put("name", stored.name());
        out.put("size", stored.size());
        out.put("pages", pdf.pages());
        out.put("content_type", stored.contentType());
        return out;
    }

    private static String titleOf(String template) {
        String words = template.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " report";
    }

    /**
     * Safe: a second run renders the same report into a new file of the platform's own store; nothing is sent and
     * nothing outside the platform changes (the first file is only left unreferenced).
     */
    @Override
    public boolean repeatSafe(Config config) {
        return true;
    }
}
