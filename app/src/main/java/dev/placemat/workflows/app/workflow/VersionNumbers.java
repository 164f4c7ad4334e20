package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.errors.InvalidValueException;

/** The optional {@code version} of a request body, such as the deploy call's {@code {"version": 3}}. */
public final class VersionNumbers {

    private VersionNumbers() {}

    /** The version the body names; {@code null} when there is no body or it names none. */
    public static Integer of(JsonNode body) {
        JsonNode version = body == null || !body.isObject() ? null : body.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw new InvalidValueException("version",
                    "version must be a whole number from 1, such as {\"version\": 3}");
        }
        return version.asInt();
    }
}
