package dev.placemat.workflows.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials in recorded text are masked, and text that cannot hold any skips the pattern. */
class SecretRedactorTest {

    private static final String MASK = SecretRedactor.MASK;
    private final SecretRedactor redactor = new SecretRedactor(null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Authorization: Bearer abc.def-123       | Authorization: " + MASK,
        "sent with bearer eyJhbGciOi.x.y        | sent with bearer " + MASK,
        "BASIC dXNlcjpwYXNzd29yZA==             | BASIC " + MASK,
        "https://x.test/cb?access_token=abc123&page=2 | https://x.test/cb?access_token=" + MASK + "&page=2",
        "a=1;signature=deadbeef                 | a=1;signature=" + MASK,
        "first line\\n  X-Api-Key :  k-123456   | first line\\n  X-Api-Key :  " + MASK,
        "token: t-0123456789                    | token: " + MASK,
    })
    void masksCredentialsInText(String text, String masked) {
        assertThat(redactor.scrub(unescape(text.strip()))).isEqualTo(unescape(masked.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:18182/deals", "2026-12-04T08:37:13.438Z", "127.0.0.1:18181",
        "application/json; charset=utf-8", "step 2 failed: HTTP 503 from the service", "tokens: 3",
        "x = y + z", "{\"total\": 120}"})
    void skipsThePatternForTextThatCannotHoldACredential(String text) {
        assertThat(CredentialText.mayHoldPattern(text)).isFalse();
        assertThat(redactor.scrub(text)).isEqualTo(text);
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }

    @Test
    void knowsEveryCredentialNameInAnyCaseWithDashesOrUnderscores() {
        for (String name : SecretRedactor.SECRET_NAMES) {
            for (String form : new String[] {name, name.toUpperCase(Locale.ROOT), name.replace('_', '-'),
                    Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('_', '-')}) {
                assertThat(SecretRedactor.isSecretName(form)).as(form).isTrue();
                assertThat(SecretRedactor.isSecretName(form + "s")).as(form + "s").isFalse();
                assertThat(SecretRedactor.isSecretName("_" + form)).as("_" + form).isFalse();
                assertThat(SecretRedactor.isSecretName(form.substring(1))).as(form.substring(1)).isFalse();
            }
        }
        assertThat(SecretRedactor.isSecretName(null)).isFalse();
        assertThat(SecretRedactor.isSecretName("")).isFalse();
    }
}
