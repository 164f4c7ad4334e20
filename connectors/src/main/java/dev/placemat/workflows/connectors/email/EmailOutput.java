package dev.placemat.workflows.connectors.email;

import java.util.LinkedHashMap;
import java.util.Map;

/** The output of both email actions: {@code {message_id, to, subject}}. */
final class EmailOutput {

    private EmailOutput() {}

    static Map<String, Object> of(String messageId, Email email) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message_id", messageId);
        out.put("to", email.to().stream().map(a -> a.getAddress()).toList());
        out.put("subject", email.subject());
        return out;
    }
}
