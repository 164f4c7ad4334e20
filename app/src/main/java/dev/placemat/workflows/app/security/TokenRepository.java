package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.db.Columns;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens: created with a random secret that is returned once and stored only as its SHA-256 hash. */
@Repository
public class TokenRepository {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "t.id, t.name, t.user_id, u.username, t.created_at, t.last_used_at, t.revoked_at";

    private final JdbcClient jdbc;

    public TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for a user: its listing fields plus {@code token}, the secret, which is never shown again. */
    public Map<String, Object> create(UUID userId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "pmw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = jdbc.sql("INSERT INTO api_tokens (user_id, name, token_hash) VALUES (:user, :name, :hash) RETURNING id")
                .param("user", userId).param("name", name).param("hash", UserRepository.hash(secret))
                .query(UUID.class).single();
        Map<String, Object> token = find(id).orElseThrow();
        token.put("token", secret);
        return token;
    }

    /** The tokens of one user, or of everyone when {@code userId} is null; newest first. */
    public List<Map<String, Object>> list(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id "
                        + "WHERE CAST(:user AS uuid) IS NULL OR t.user_id = :user ORDER BY t.created_at DESC")
                .param("user", userId).query(TokenRepository::token).list();
    }

    public Optional<Map<String, Object>> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = :id")
                .param("id", id).query(TokenRepository::token).optional();
    }

    /** Revokes a token; false when it does not exist or was revoked already. */
    public boolean revoke(UUID id) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).update() == 1;
    }

    private static Map<String, Object> token(ResultSet rs, int n) throws SQLException {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id", rs.getObject("id", UUID.class));
        token.put("name", rs.getString("name"));
        token.put("user_id", rs.getObject("user_id", UUID.class));
        token.put("username", rs.getString("username"));
        token.put("created_at", Columns.instant(rs.getTimestamp("created_at")));
        token.put("last_used_at", Columns.instant(rs.getTimestamp("last_used_at")));
        token.put("revoked_at", Columns.instant(rs.getTimestamp("revoked_at")));
        return token;
    }
}
