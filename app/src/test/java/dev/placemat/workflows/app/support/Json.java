package dev.placemat.workflows.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON written in tests with single quotes, and fixtures read from the class path. */
public final class Json {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Json() {}

    /** Single quotes stand for double quotes, and backticks for single quotes (JSONata strings). */
    public static ObjectNode of(String singleQuoted) {
        try {
            return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"').replace('`', '\''));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode resource(String path) {
        try (InputStream in = Json.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
