package dev.placemat.workflows.app.embeddeddb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded PostgreSQL's two passwords, generated on first start and kept owner-only (0600) in the data directory
 * beside {@code secret.key}: {@code database-superuser.password} for {@code postgres}, used only to set the
 * database up, and {@code database.password} for {@link #APP_ROLE}, the role the platform works as.
 */
public record DatabaseCredentials(Path superuserFile, String superuserPassword, Path appFile, String appPassword) {

    public static final String SUPERUSER = "postgres";
    public static final String APP_ROLE = "placemat";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static DatabaseCredentials in(Path dataDir) throws IOException {
        Path superuser = dataDir.resolve("database-superuser.password");
        Path app = dataDir.resolve("database.password");
        return new DatabaseCredentials(superuser, readOrCreate(superuser), app, readOrCreate(app));
    }

    private static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            try {
                write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            } catch (FileAlreadyExistsException raced) {
                // written by another start at the same moment: read that one
            }
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException(file + " is empty: delete it to have a new password generated");
        }
        return password;
    }

    private static void write(Path file, String password) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, password, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
