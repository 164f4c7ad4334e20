package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.connectors.files.FileReferences;
import dev.placemat.workflows.connectors.files.FileReferences.FileContent;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.util.ArrayList;
import java.util.List;

/** Attachments given as the {@code file_url}s of earlier steps' files, read through the platform's file store. */
final class Attachments {

    static final int MAX_TOTAL_BYTES = 20 * 1024 * 1024;

    private Attachments() {}

    static List<FileContent> read(List<String> fileUrls, StepContext context) throws StepFailure {
        List<FileContent> files = new ArrayList<>();
        long total = 0;
        for (String url : fileUrls == null ? List.<String>of() : fileUrls) {
            FileContent file = FileReferences.read(url, context);
            total += file.bytes().length;
            if (total > MAX_TOTAL_BYTES) {
                throw StepFailure.permanent("the attachments are larger than " + MAX_TOTAL_BYTES / (1024 * 1024)
                        + " MB together; send a link instead");
            }
            files.add(file);
        }
        return files;
    }
}
