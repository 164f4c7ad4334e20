package dev.placemat.workflows.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.app.identity.CurrentUser;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one way anything is written to {@code audit_log}. Services call it after a change succeeded (and sign-in
 * calls it either way), with the action, the kind and id of the target and a few details; the actor is the signed-in
 * user unless given. Details never hold secrets (passwords, tokens, connection credentials).
 */
@Service
@RequiredArgsConstructor
public class AuditLog {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;

    /** Records an action of the signed-in user. */
    public void record(String action, String targetType, Object targetId, Map<String, ?> detail) {
        recordAs(currentUser.name(), action, targetType, targetId, detail);
    }

    public void record(String action, String targetType, Object targetId) {
        record(action, targetType, targetId, Map.of());
    }

    /** Records an action whose actor is not (yet) signed in, such as a sign-in attempt. */
    public void recordAs(String actor, String action, String targetType, Object targetId, Map<String, ?> detail) {
        jdbc.sql("INSERT INTO audit_log (actor, action, target_type, target_id, detail) "
                        + "VALUES (:actor, :action, :type, :target, CAST(:detail AS jsonb))")
                .param("actor", truncate(actor, 100))
                .param("action", action)
                .param("type", targetType)
                .param("target", targetId == null ? null : truncate(targetId.toString(), 100))
                .param("detail", json(detail))
                .update();
    }

    private static String truncate(String text, int max) {
        return text == null ? "anonymous" : text.length() <= max ? text : text.substring(0, max);
    }

    private String json(Map<String, ?> detail) {
        try {
            return detail == null || detail.isEmpty() ? null : mapper.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
