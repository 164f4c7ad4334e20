package dev.placemat.workflows.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.db.Columns;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.errors.InvalidValueException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for admins, newest first, filtered by actor, action, target and time. */
@RestController
@RequestMapping("/api/audit")
@RequiredArgsConstructor
public class AuditController {

    /** One entry: who did what to which target, and its detail (never a secret). */
    public record AuditEntry(long id, Instant at, String actor, String action, @Nullable String targetType,
            @Nullable String targetId, @Nullable JsonNode detail) {}

    /** A page of entries, newest first, and how many match in all. */
    public record AuditPage(List<AuditEntry> items, long total, int limit, int offset) {}

    static final int MAX_LIMIT = 500;
    private static final String FILTER = " FROM audit_log WHERE (CAST(:actor AS text) IS NULL OR actor = :actor) "
            + "AND (CAST(:action AS text) IS NULL OR action = :action) "
            + "AND (CAST(:targetType AS text) IS NULL OR target_type = :targetType) "
            + "AND (CAST(:targetId AS text) IS NULL OR target_id = :targetId) "
            + "AND (CAST(:from AS timestamptz) IS NULL OR at >= :from) "
            + "AND (CAST(:to AS timestamptz) IS NULL OR at < :to)";

    private final JdbcClient jdbc;
    private final StoredJson json;

    @GetMapping
    public AuditPage list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(name = "target_type", required = false) String targetType,
            @RequestParam(name = "target_id", required = false) String targetId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidValueException("offset", "offset must not be negative");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("actor", actor);
        params.put("action", action);
        params.put("targetType", targetType);
        params.put("targetId", targetId);
        params.put("from", from == null ? null : java.sql.Timestamp.from(from));
        params.put("to", to == null ? null : java.sql.Timestamp.from(to));
        List<AuditEntry> items = jdbc.sql("SELECT id, at, actor, action, target_type, target_id, detail"
                        + FILTER + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Columns.instant(rs.getTimestamp("at")),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target_id"), json.read(rs.getString("detail")))).list();
        long total = jdbc.sql("SELECT count(*)" + FILTER).params(params).query(Long.class).single();
        return new AuditPage(items, total, limit, offset);
    }
}
