package dev.placemat.workflows.connectors.data;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * How long a value's JSON text would be, counted before it is written, so that {@code $string} of a list that holds
 * the same long string many times is refused instead of written. Counting stops as soon as the limit is passed:
 * {@code limit} throws when the length so far is too long.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class JsonLength {

    private static final int NUMBER = 24;

    private final LongConsumer limit;
    private final boolean pretty;
    private long length;

    /** The length of {@code value} at {@code depth}, plus everything counted before. */
    long of(Object value, int depth) {
        if (value instanceof String s) {
            add(s.length() + 2L + escapes(s));
        } else if (value instanceof Map<?, ?> map) {
            add(2);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                add(String.valueOf(e.getKey()).length() + 4L + indent(depth + 1));
                of(e.getValue(), depth + 1);
            }
        } else if (value instanceof List<?> list) {
            add(2);
            for (Object item : list) {
                add(1 + indent(depth + 1));
                of(item, depth + 1);
            }
        } else {
            add(NUMBER);
        }
        return length;
    }

    private void add(long chars) {
        length += chars;
        limit.accept(length);
    }

    private long indent(int depth) {
        return pretty ? 2L * depth + 1 : 0;
    }

    /** Extra characters for escapes: at most five more for each control character, quote or backslash. */
    private static long escapes(String s) {
        long extra = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                extra += 5;
            }
        }
        return extra;
    }
}
