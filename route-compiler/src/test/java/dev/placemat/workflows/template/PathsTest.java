package dev.placemat.workflows.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PathsTest {

    /** The rule for a segment as the documentation writes it: a name, or an index of one to nine digits. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_\\-$]*|\\d{1,9}");

    @Test
    void acceptsExactlyTheSegmentsTheRuleDescribes() {
        List<String> segments = new ArrayList<>();
        String alphabet = "aZ09_$-é+"; // '.' and brackets separate segments: see the next test
        for (char a : alphabet.toCharArray()) {
            segments.add("" + a);
            for (char b : alphabet.toCharArray()) {
                segments.add("" + a + b);
                for (char c : alphabet.toCharArray()) {
                    segments.add("" + a + b + c);
                }
            }
        }
        segments.addAll(List.of("123456789", "1234567890", "step_1", "x-y", "$", "_9"));
        for (String segment : segments) {
            assertThat(Paths.isValid("step_1." + segment)).as(segment).isEqualTo(SEGMENT.matcher(segment).matches());
        }
    }

    @Test
    void readsNamesAndIndexesWithDotsOrBrackets() {
        assertThat(Paths.parse("step_1.rows[1].x")).contains(List.of("step_1", "rows", "1", "x"));
        assertThat(Paths.parse("step_1.rows.1.x")).contains(List.of("step_1", "rows", "1", "x"));
        assertThat(Paths.parse("step_1.rows[x-1]")).contains(List.of("step_1", "rows", "x-1"));
        assertThat(Paths.parse("step_1..x")).isEmpty();
        assertThat(Paths.parse("step_1.rows[-1]")).isEmpty();
        assertThat(Paths.parse("step_1.1e3")).isEmpty();
    }
}
