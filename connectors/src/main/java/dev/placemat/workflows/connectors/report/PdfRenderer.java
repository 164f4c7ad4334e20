package dev.placemat.workflows.connectors.report;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.placemat.workflows.spi.StepFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** XHTML to PDF with openhtmltopdf. No external resource is loaded: no file, no URL, no font from elsewhere. */
final class PdfRenderer {

    /** A rendered PDF and its page count. */
    record Pdf(byte[] bytes, int pages) {}

    Pdf render(String xhtml, String title) throws StepFailure {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Placemat Workflows");
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            throw StepFailure.permanent("the report '" + title + "' could not be rendered as PDF: " + e.getMessage());
        }
        byte[] bytes = out.toByteArray();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new Pdf(bytes, document.getNumberOfPages());
        } catch (IOException e) {
            throw StepFailure.transientFailure("the rendered PDF could not be read back: " + e.getMessage());
        }
    }
}
