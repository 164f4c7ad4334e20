package dev.placemat.workflows.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronTranslatorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 9 * * MON        | 0 0 9 ? * MON",
        "*/15 * * * *       | 0 */15 * * * ?",
        "0 9 1 * *          | 0 0 9 1 * ?",
        "0 9 * * 1-5        | 0 0 9 ? * MON,TUE,WED,THU,FRI",
        "0 9 * * 0          | 0 0 9 ? * SUN",
        "0 9 * * 7          | 0 0 9 ? * SUN",
        "0 9 * * 5-7        | 0 0 9 ? * SUN,FRI,SAT",
        "0 9 * * */2        | 0 0 9 ? * SUN,TUE,THU,SAT",
        "30 8 * jan-mar sun | 0 30 8 ? JAN-MAR SUN",
        "0 0 1,15 * *       | 0 0 0 1,15 * ?",
        "0 9 1-31 * 0-6     | 0 0 9 * * ?",
        "@daily             | 0 0 0 * * ?",
        "@weekly            | 0 0 0 ? * SUN",
    })
    void translatesUnixCronToQuartz(String unix, String quartz) {
        assertThat(CronTranslator.toQuartz(unix, false)).isEqualTo(quartz);
    }

    @Test
    void refusesBothDayFieldsRestrictedBecauseUnixCronOrsThem() {
        assertThatThrownBy(() -> CronTranslator.toQuartz("0 9 1 * MON", false))
                .hasMessageContaining("either matches").hasMessageContaining("put '*' in one");
        assertThatThrownBy(() -> CronTranslator.toQuartz("0 9 */2 * MON", false))
                .hasMessageContaining("both the day of month and the day of week");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 9 * *            | 5 fields",
        "60 * * * *         | not a valid minute",
        "0 24 * * *         | not a valid hour",
        "0 9 0 * *          | not a valid day of month",
        "0 9 * 13 *         | not a valid month",
        "0 9 * * 8          | not a valid day of week",
        "0 9 L * *          | not a valid day of month",
        "0 9 ? * MON        | not a valid day of month",
        "0 9 * * MON#2      | not a valid day of week",
        "0 18-9 * * *       | runs backwards",
        "*/0 * * * *        | step",
    })
    void refusesWhatUnixCronDoesNotHave(String unix, String message) {
        assertThatThrownBy(() -> CronTranslator.toQuartz(unix, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsSecondsOnlyWhenAllowed() {
        assertThatThrownBy(() -> CronTranslator.toQuartz("*/2 * * * * *", false)).hasMessageContaining("5 fields");
        assertThat(CronTranslator.toQuartz("*/2 * * * * *", true)).isEqualTo("*/2 * * * * ?");
    }

    @Test
    void firesInItsTimeZone() {
        CronSchedule schedule = new CronSchedule(CronTranslator.toQuartz("0 9 * * MON", false), "Australia/Sydney");
        Instant from = ZonedDateTime.of(2025, 6, 1, 0, 0, 0, 0, ZoneId.of("UTC")).toInstant();
        assertThat(schedule.nextFires(from, 2)).containsExactly(
                ZonedDateTime.of(2025, 6, 2, 9, 0, 0, 0, ZoneId.of("Australia/Sydney")).toInstant(),
                ZonedDateTime.of(2025, 6, 9, 9, 0, 0, 0, ZoneId.of("Australia/Sydney")).toInstant());
        assertThat(schedule.smallestGap(from, 10)).contains(Duration.ofDays(7));
    }

    @Test
    void knowsOnlyTimeZonesQuartzReadsTheSameWay() {
        assertThat(CronSchedule.isKnownTimeZone("Australia/Sydney")).isTrue();
        assertThat(CronSchedule.isKnownTimeZone("UTC")).isTrue();
        assertThat(CronSchedule.isKnownTimeZone("Mars/Olympus")).isFalse();
        assertThat(CronSchedule.isKnownTimeZone("+05:00")).isFalse();
    }
}
