package dev.placemat.workflows.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an error answer tells the engine: Retry-After in both of its forms (RFC 9110, 10.2.3). */
class HttpAnswerTest {

    private static HttpAnswer answer(int status, String retryAfter) {
        return new HttpAnswer(status, "Too Many Requests", retryAfter == null ? Map.of()
                : Map.of("retry-after", retryAfter), "{\"code\":\"rate_limited\"}".getBytes(StandardCharsets.UTF_8),
                "application/json", "api.example.org");
    }

    @Test
    void readsRetryAfterInSecondsAndAsAnHttpDate() {
        assertThat(answer(429, "120").retryAfter()).isEqualTo(Duration.ofSeconds(120));
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
        assertThat(answer(503, inNinetySeconds).retryAfter()).isBetween(Duration.ofSeconds(85), Duration.ofSeconds(90));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        assertThat(answer(429, past).retryAfter()).isZero();
        assertThat(answer(429, "soon").retryAfter()).isNull();
        assertThat(answer(429, null).retryAfter()).isNull();
    }

    @Test
    void aRateLimitFailureCarriesTheWaitAndTheAnswersDetail() {
        String inOneMinute = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(61));
        var failure = answer(429, inOneMinute).failure("HTTP 429 from api.example.org");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
        assertThat(failure.getMessage()).contains("rate_limited").contains("(Retry-After)");
        assertThat(answer(500, inOneMinute).failure("HTTP 500").retryAfter()).as("only a 429 or 503 asks to wait")
                .isNull();
    }
}
