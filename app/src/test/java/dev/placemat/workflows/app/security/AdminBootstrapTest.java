package dev.placemat.workflows.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first admin: from WORKFLOWS_ADMIN_TOKEN, or a one-time password printed on the first start. */
class AdminBootstrapTest {

    private final UserRepository users = mock(UserRepository.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PlatformUser admin = new PlatformUser(UUID.randomUUID(), "admin", null, Role.ADMIN);

    @Test
    void givesTheAdminTheTokenFromTheEnvironment() {
        when(users.ensure("admin", null, Role.ADMIN)).thenReturn(admin);
        new AdminBootstrap(users, encoder, "env-token-123").run(null);
        verify(users).addToken(admin.id(), "WORKFLOWS_ADMIN_TOKEN", "env-token-123");
    }

    @Test
    void printsAOneTimePasswordOnTheFirstStartOnly() {
        when(users.count()).thenReturn(0L);
        String printed = capture(() -> new AdminBootstrap(users, encoder, "").run(null));
        Matcher m = Pattern.compile("username: admin\\s+password: (\\S+)").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(users).ensure(eq("admin"), hash.capture(), eq(Role.ADMIN));
        assertThat(encoder.matches(m.group(1), hash.getValue())).isTrue();
        assertThat(hash.getValue()).doesNotContain(m.group(1));

        UserRepository existing = mock(UserRepository.class);
        when(existing.count()).thenReturn(1L);
        assertThat(capture(() -> new AdminBootstrap(existing, encoder, null).run(null))).doesNotContain("password");
        verify(existing, never()).ensure(anyString(), any(), any());
    }

    private static String capture(Runnable run) {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
