package dev.placemat.workflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.secrets.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static WorkflowsProperties in(Path dir) {
        return new WorkflowsProperties(dir, null, null, null, null, null, null, null);
    }

    @Test
    void sealsWithAFreshIvAndOpensAgainWithTheSameKeyFile(@TempDir Path dir) throws Exception {
        SecretBox box = new SecretBox(in(dir), "");
        String a = box.seal("canary-secret-123");
        String b = box.seal("canary-secret-123");
        assertThat(a).startsWith("v1:").doesNotContain("canary").isNotEqualTo(b);
        assertThat(new SecretBox(in(dir), "").open(a)).isEqualTo("canary-secret-123");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesATamperedValue(@TempDir Path dir) {
        SecretBox box = new SecretBox(in(dir), "");
        String sealed = box.seal("x");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThatThrownBy(() -> box.open(tampered)).hasMessageContaining("cannot be decrypted");
    }
}
