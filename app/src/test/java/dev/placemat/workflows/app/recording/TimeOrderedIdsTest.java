package dev.placemat.workflows.app.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void areVersionSevenUuidsThatSortByTheMillisecondTheyWereMadeIn() throws InterruptedException {
        UUID first = TimeOrderedIds.next();
        Thread.sleep(3);
        UUID second = TimeOrderedIds.next();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.toString().compareTo(second.toString())).isNegative();
        assertThat(first.getMostSignificantBits() >>> 16).isLessThan(second.getMostSignificantBits() >>> 16);
    }

    @Test
    void doNotRepeat() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void sortInTheOrderTheyWereMadeAlsoWithinOneMillisecond() {
        UUID previous = TimeOrderedIds.next();
        for (int i = 0; i < 10_000; i++) {
            UUID next = TimeOrderedIds.next();
            assertThat(previous.toString()).isLessThan(next.toString());
            previous = next;
        }
    }
}
