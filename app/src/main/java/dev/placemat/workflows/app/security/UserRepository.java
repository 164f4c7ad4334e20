package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.identity.PlatformUser;
import dev.placemat.workflows.app.identity.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** Users and their API tokens. Tokens are stored as SHA-256 hashes only. */
@Repository
@RequiredArgsConstructor
public class UserRepository implements UserDetailsService {

    private final JdbcClient jdbc;

    @Override
    public PlatformUser loadUserByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role FROM users WHERE username = :name")
                .param("name", username)
                .query(UserRepository::user)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<PlatformUser> findByToken(String token) {
        return jdbc.sql("UPDATE api_tokens t SET last_used_at = now() FROM users u WHERE t.token_hash = :hash "
                        + "AND t.revoked_at IS NULL AND u.id = t.user_id RETURNING u.id, u.username, u.password_hash, u.role")
                .param("hash", hash(token))
                .query(UserRepository::user)
                .optional();
    }

    public Optional<PlatformUser> find(UUID id) {
        return jdbc.sql("SELECT id, username, password_hash, role FROM users WHERE id = :id")
                .param("id", id).query(UserRepository::user).optional();
    }

    /** Every user (without password hashes), by name. */
    public java.util.List<UserAccount> list() {
        return jdbc.sql("SELECT id, username, role, created_at FROM users ORDER BY username")
                .query((rs, n) -> new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("role"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /** A new user; empty when the name is taken. */
    public Optional<PlatformUser> create(String username, String passwordHash, Role role) {
        return jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (:name, :hash, :role) "
                        + "ON CONFLICT (username) DO NOTHING RETURNING id, username, password_hash, role")
                .param("name", username).param("hash", passwordHash).param("role", role.id())
                .query(UserRepository::user).optional();
    }

    public boolean changeRole(UUID id, Role role) {
        return jdbc.sql("UPDATE users SET role = :role WHERE id = :id").param("role", role.id()).param("id", id)
                .update() == 1;
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update() == 1;
    }

    public long countAdmins() {
        return jdbc.sql("SELECT count(*) FROM users WHERE role = 'admin'").query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    public PlatformUser ensure(String username, String passwordHash, Role role) {
        return jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (:name, :hash, :role) "
                        + "ON CONFLICT (username) DO UPDATE SET role = EXCLUDED.role "
                        + "RETURNING id, username, password_hash, role")
                .param("name", username)
                .param("hash", passwordHash)
                .param("role", role.id())
                .query(UserRepository::user)
                .single();
    }

    public void addToken(UUID userId, String name, String token) {
        jdbc.sql("INSERT INTO api_tokens (user_id, name, token_hash) VALUES (:user, :name, :hash) "
                        + "ON CONFLICT (token_hash) DO NOTHING")
                .param("user", userId)
                .param("name", name)
                .param("hash", hash(token))
                .update();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PlatformUser user(ResultSet rs, int n) throws SQLException {
        return new PlatformUser(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("password_hash"), Role.of(rs.getString("role")));
    }
}
