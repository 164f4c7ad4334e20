package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.db.Columns;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens: created with a random secret that is returned once and stored only as its SHA-256 hash. */
@Repository
@RequiredArgsConstructor
public class TokenRepository {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "t.id, t.name, t.user_id, u.username, t.created_at, t.last_used_at, t.revoked_at";

    private final JdbcClient jdbc;

    /** A new token for a user: its listing fields plus {@code token}, the secret, which is never shown again. */
    public ApiToken create(UUID userId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "pmw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = jdbc.sql("INSERT INTO api_tokens (user_id, name, token_hash) VALUES (:user, :name, :hash) RETURNING id")
                .param("user", userId).param("name", name).param("hash", UserRepository.hash(secret))
                .query(UUID.class).single();
        return find(id).orElseThrow().withSecret(secret);
    }

    /** The tokens of one user, or of everyone when {@code userId} is null; newest first. */
    public List<ApiToken> list(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id "
                        + "WHERE CAST(:user AS uuid) IS NULL OR t.user_id = :user ORDER BY t.created_at DESC")
                .param("user", userId).query(TokenRepository::token).list();
    }

    public Optional<ApiToken> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = :id")
                .param("id", id).query(TokenRepository::token).optional();
    }

    /** Revokes a token; false when it does not exist or was revoked already. */
    public boolean revoke(UUID id) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).update() == 1;
    }

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("user_id", UUID.class),
                rs.getString("username"), Columns.instant(rs.getTimestamp("created_at")),
                Columns.instant(rs.getTimestamp("last_used_at")), Columns.instant(rs.getTimestamp("revoked_at")), null);
    }
}
