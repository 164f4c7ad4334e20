package dev.placemat.workflows.connectors.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.files.DirectoryFileStore;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.FileStore;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReportGenerateActionTest {

    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();

    @TempDir
    Path root;

    @Test
    void rendersTheWeeklyFinancialReportOfAnAggregateAsAPdf() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(root, "/api/files/");
        StepContext context = FIXTURE.context(StepFixture.json("""
                {"step_1": {"groups": [
                   {"category": "grants", "project": "Harbour <b>", "sum": 1250.5, "count": 2, "average": 625.25,
                    "min": 250.5, "max": 1000},
                   {"category": "travel", "project": "Library", "sum": 80, "count": 1, "average": 80, "min": 80,
                    "max": 80}],
                 "totals": {"sum": 1330.5, "count": 3, "average": 443.5, "min": 80, "max": 1000}}}"""),
                new TestServices().with(FileStore.class, store));
        String step1 = context.read(data -> data.path("step_1").toString());
        var config = StepFixture.config(ReportGenerateAction.Config.class, """
                {"template": "weekly_financial", "format": "pdf", "title": "Weekly Financial Report",
                 "data": %s}""".formatted(step1));

        JsonNode out = StepFixture.output(new ReportGenerateAction().execute(config, context));

        assertThat(out.path("pages").asInt()).isEqualTo(1);
        assertThat(out.path("name").asText()).startsWith("weekly_financial-").endsWith(".pdf");
        byte[] pdf = store.read(out.path("file_url").asText());
        assertThat(out.path("size").asLong()).isEqualTo(pdf.length);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Weekly Financial Report", "grants · Harbour <b>", "1,250.5", "625.25",
                    "travel · Library", "Total", "1,330.5", "Page 1 of 1");
        }
    }

    @Test
    void anUnknownTemplateNamesTheKnownOnes() {
        var config = StepFixture.config(ReportGenerateAction.Config.class, "{\"template\": \"../../secrets\"}");

        assertThatThrownBy(() -> new ReportGenerateAction().execute(config, FIXTURE.context(null, new TestServices())))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("there is no report template '../../secrets'; the templates are weekly_financial");
    }

    @Test
    void renderingAReportAgainIsSafe() {
        assertThat(new ReportGenerateAction().repeatSafe(null)).isTrue();
    }
}
