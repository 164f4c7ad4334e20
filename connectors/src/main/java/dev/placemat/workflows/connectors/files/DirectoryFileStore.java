package dev.placemat.workflows.connectors.files;

import dev.placemat.workflows.spi.FileStore;
import dev.placemat.workflows.spi.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A {@link FileStore} in one directory. Each file gets a random id: its content is {@code <id>.bin} and its name and
 * content type sit in the sidecar {@code <id>.properties}. Names are only labels, sanitised, and never part of a
 * path, so no name can reach outside the directory. The platform serves a file at {@code urlPrefix + id}.
 */
public final class DirectoryFileStore implements FileStore {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final String urlPrefix;

    /**
     * @param root      the directory, created when missing
     * @param urlPrefix where the platform serves files, such as {@code /api/files/}
     */
    public DirectoryFileStore(Path root, String urlPrefix) {
        this.root = root.toAbsolutePath().normalize();
        this.urlPrefix = urlPrefix.endsWith("/") ? urlPrefix : urlPrefix + "/";
    }

    @Override
    public StoredFile save(String name, String contentType, byte[] content) throws StepFailure {
        String id = newId();
        StoredFile file = new StoredFile(urlPrefix + id, FileNames.sanitise(name), FileNames.contentType(contentType),
                content.length);
        Properties meta = new Properties();
        meta.setProperty("name", file.name());
        meta.setProperty("content_type", file.contentType());
        try {
            Files.createDirectories(root);
            writeAtomically(root.resolve(id + ".bin"), out -> out.write(content));
            writeAtomically(root.resolve(id + ".properties"), out -> {
                try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    meta.store(w, null);
                }
            });
        } catch (IOException e) {
            throw StepFailure.transientFailure("the file '" + file.name() + "' could not be stored: "
                    + e.getClass().getSimpleName());
        }
        return file;
    }

    @Override
    public byte[] read(String fileUrl) throws StepFailure {
        String id = idOf(fileUrl).orElseThrow(() -> notOurs(fileUrl));
        try {
            return Files.readAllBytes(root.resolve(id + ".bin"));
        } catch (NoSuchFileException e) {
            throw StepFailure.permanent("the file " + fileUrl + " does not exist (any more)");
        } catch (IOException e) {
            throw StepFailure.transientFailure("the file " + fileUrl + " could not be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /** The stored file with this id, for serving it; empty when there is none. */
    public Optional<StoredFile> find(String id) {
        if (id == null || !ID.matcher(id).matches() || !Files.isRegularFile(root.resolve(id + ".bin"))) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (Reader r = Files.newBufferedReader(root.resolve(id + ".properties"), StandardCharsets.UTF_8)) {
            meta.load(r);
            long size = Files.size(root.resolve(id + ".bin"));
            return Optional.of(new StoredFile(urlPrefix + id, meta.getProperty("name", "file"),
                    meta.getProperty("content_type", FileNames.OCTET_STREAM), size));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The content of the stored file with this id; call {@link #find} first. */
    public InputStream open(String id) throws IOException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NoSuchFileException("no file with this id");
        }
        return Files.newInputStream(root.resolve(id + ".bin"));
    }

    /** The id in a {@code file_url} of this store, when it is one. */
    public Optional<String> idOf(String fileUrl) {
        if (fileUrl == null || !fileUrl.startsWith(urlPrefix)) {
            return Optional.empty();
        }
        String id = fileUrl.substring(urlPrefix.length());
        return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static StepFailure notOurs(String fileUrl) {
        return StepFailure.permanent("'" + fileUrl + "' is not the file_url of a file stored by this platform; "
                + "use the file_url output of an earlier step");
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private void writeAtomically(Path target, Content content) throws IOException {
        Path temp = Files.createTempFile(root, ".upload-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
