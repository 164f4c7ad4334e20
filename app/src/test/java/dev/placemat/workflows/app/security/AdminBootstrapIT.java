package dev.placemat.workflows.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first admin, against the real users table. (The other path, a first start with no token that prints a
 * one-time password, is what DesignerBrowserIT signs in with.)
 */
class AdminBootstrapIT extends IntegrationTest {

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void givesTheAdminTheTokenFromTheEnvironment() {
        Api.withToken(port, "env-token-for-bootstrap-1234").get("/api/workflows").expect(401);
        new AdminBootstrap(users, encoder, "env-token-for-bootstrap-1234").run(null);
        Api.withToken(port, "env-token-for-bootstrap-1234").get("/api/users").expect(200);
    }

    @Test
    void printsNoPasswordWhenUsersExist() {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            new AdminBootstrap(users, encoder, "").run(null);
        } finally {
            System.setOut(before);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("password");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = 'admin'").query(Long.class).single()).isEqualTo(1);
    }
}
