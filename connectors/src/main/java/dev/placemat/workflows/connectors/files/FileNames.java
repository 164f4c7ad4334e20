package dev.placemat.workflows.connectors.files;

import java.net.URI;
import java.net.URLConnection;
import java.util.Locale;
import java.util.regex.Pattern;

/** File names as labels: the last path segment only, safe characters only, never empty or hidden. */
public final class FileNames {

    public static final String OCTET_STREAM = "application/octet-stream";
    private static final int MAX_LENGTH = 200;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._ ()-]");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+");

    private FileNames() {}

    /** {@code ../../etc/passwd} becomes {@code passwd}, {@code .env} becomes {@code _env}, empty {@code file}. */
    public static String sanitise(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        base = UNSAFE.matcher(base).replaceAll("_");
        if (base.startsWith(".")) {
            base = "_" + base.substring(1);
        }
        if (base.length() > MAX_LENGTH) {
            base = base.substring(base.length() - MAX_LENGTH);
        }
        return base.isBlank() || base.chars().allMatch(c -> c == '.' || c == '_') ? "file" : base;
    }

    /** A plain {@code type/subtype} (parameters kept only for text), or {@code application/octet-stream}. */
    public static String contentType(String given) {
        if (given == null) {
            return OCTET_STREAM;
        }
        String[] parts = given.split(";", 2);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPE.matcher(type).matches()) {
            return OCTET_STREAM;
        }
        return type.startsWith("text/") && parts.length > 1 && parts[1].strip().toLowerCase(Locale.ROOT)
                .matches("charset=[a-z0-9_-]+") ? type + "; " + parts[1].strip().toLowerCase(Locale.ROOT) : type;
    }

    /** The content type a name suggests, or {@code application/octet-stream}. */
    public static String guessContentType(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? OCTET_STREAM : guessed;
    }

    /** The last path segment of a URL, or {@code file}. */
    public static String fromUrl(String url) {
        try {
            String path = URI.create(url).getPath();
            return sanitise(path == null ? "" : path);
        } catch (IllegalArgumentException e) {
            return "file";
        }
    }
}
