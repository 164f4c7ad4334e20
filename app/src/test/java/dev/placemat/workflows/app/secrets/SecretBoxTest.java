package dev.placemat.workflows.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {


    @Test
    void sealsWithAFreshIvAndOpensAgainWithTheSameKeyFile(@TempDir Path dir) throws Exception {
        SecretBox box = new SecretBox(dir, "");
        String a = box.seal("canary-secret-123");
        String b = box.seal("canary-secret-123");
        assertThat(a).startsWith("v1:").doesNotContain("canary").isNotEqualTo(b);
        assertThat(new SecretBox(dir, "").open(a)).isEqualTo("canary-secret-123");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesATamperedValue(@TempDir Path dir) {
        SecretBox box = new SecretBox(dir, "");
        String sealed = box.seal("x");
        int i = sealed.length() / 2;
        String tampered = sealed.substring(0, i) + (sealed.charAt(i) == 'A' ? 'B' : 'A') + sealed.substring(i + 1);
        assertThatThrownBy(() -> box.open(tampered)).hasMessageContaining("cannot be decrypted");
    }
}
