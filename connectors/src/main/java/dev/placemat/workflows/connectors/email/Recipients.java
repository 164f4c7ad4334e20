package dev.placemat.workflows.connectors.email;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.validation.ConfigMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Email addresses as configs give them: one address, a comma-separated list, a list, or {@code {email, name}}
 * objects (such as a contact from the trigger data). Each is checked strictly.
 */
final class Recipients {

    private Recipients() {}

    static List<InternetAddress> parse(Object value, String field) throws StepFailure {
        List<InternetAddress> out = new ArrayList<>();
        collect(value == null ? null : ConfigMapper.toJson(value), field, out);
        return out;
    }

    static InternetAddress one(String address, String field) throws StepFailure {
        return address(address, null, field);
    }

    private static void collect(JsonNode node, String field, List<InternetAddress> out) throws StepFailure {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, field, out);
            }
        } else if (node.isObject()) {
            String email = node.path("email").asText("");
            if (email.isBlank()) {
                throw StepFailure.permanent(field + " has an entry without an email");
            }
            out.add(address(email, node.path("name").asText(null), field));
        } else {
            for (String part : node.asText().split("[,;]")) {
                if (!part.isBlank()) {
                    out.add(address(part, null, field));
                }
            }
        }
    }

    private static InternetAddress address(String text, String name, String field) throws StepFailure {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw StepFailure.permanent(field + " has an empty or broken address; check the template it comes from");
        }
        try {
            InternetAddress address = new InternetAddress(trimmed, true);
            if (name != null && !name.isBlank()) {
                address.setPersonal(name.replaceAll("[\\r\\n]", " "), StandardCharsets.UTF_8.name());
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw StepFailure.permanent(field + ": '" + trimmed + "' is not an email address");
        }
    }
}
