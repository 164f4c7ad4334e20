package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.identity.PlatformUser;
import dev.placemat.workflows.app.identity.Role;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first admin. With {@code WORKFLOWS_ADMIN_TOKEN} set, an {@code admin} user holds that API token. With none
 * and no user yet, the first start creates {@code admin} with a random password and prints it once.
 */
@Component
@Order(0)
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final String adminToken;

    public AdminBootstrap(UserRepository users, PasswordEncoder encoder,
            @Value("${WORKFLOWS_ADMIN_TOKEN:${workflows.security.admin-token:}}") String adminToken) {
        this.users = users;
        this.encoder = encoder;
        this.adminToken = adminToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (adminToken != null && !adminToken.isBlank()) {
            PlatformUser admin = users.ensure("admin", null, Role.ADMIN);
            users.addToken(admin.id(), "WORKFLOWS_ADMIN_TOKEN", adminToken);
            return;
        }
        if (users.count() == 0) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            users.ensure("admin", encoder.encode(password), Role.ADMIN);
            log.warn("Created the first admin. Sign in as 'admin' with the password below; it is shown only now.");
            System.out.println("\n  Placemat Workflows admin  username: admin  password: " + password + "\n");
        }
    }
}
