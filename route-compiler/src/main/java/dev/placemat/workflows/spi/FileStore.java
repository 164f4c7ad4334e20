package dev.placemat.workflows.spi;

/**
 * Files that steps produce (reports, uploads), kept by the platform and served at the returned {@code file_url}.
 */
public interface FileStore {

    /** A stored file: where the platform serves it and how big it is. */
    record StoredFile(String fileUrl, String name, String contentType, long size) {}

    StoredFile save(String name, String contentType, byte[] content) throws StepFailure;

    /** The content of a file this store saved, by its {@code file_url}; a permanent failure for any other URL. */
    byte[] read(String fileUrl) throws StepFailure;
}
