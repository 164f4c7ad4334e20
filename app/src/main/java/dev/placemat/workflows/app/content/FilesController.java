package dev.placemat.workflows.app.content;

import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.connectors.files.DirectoryFileStore;
import dev.placemat.workflows.spi.FileStore.StoredFile;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves the files steps store ({@code file_url} = {@code /api/files/<id>}), to signed-in users only. */
@RestController
@RequiredArgsConstructor
public class FilesController {

    public static final String PREFIX = "/api/files/";

    private final DirectoryFileStore files;

    @GetMapping(PREFIX + "{id}")
    public ResponseEntity<InputStreamResource> get(@PathVariable String id) throws IOException {
        StoredFile file = files.find(id).orElseThrow(() -> new NotFoundException("There is no file " + id + "."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(files.open(id)));
    }
}
