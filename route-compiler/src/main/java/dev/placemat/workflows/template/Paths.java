package dev.placemat.workflows.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Paths into JSON: {@code step_1.items[0].name} or {@code step_1.items.0.name}. Segments are names and indexes
 * only; anything else makes the path invalid.
 */
public final class Paths {

    private static final int MAX_SEGMENTS = 32;
    private static final int MAX_KEYS_SHOWN = 20;

    private Paths() {}

    /** The segments of a path, or empty when it is not a valid path. */
    public static Optional<List<String>> parse(String path) {
        if (path == null || path.isBlank() || path.length() > 512) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String dotted : path.trim().split("\\.", -1)) {
            String rest = dotted;
            int bracket = rest.indexOf('[');
            String head = bracket < 0 ? rest : rest.substring(0, bracket);
            if (!head.isEmpty()) {
                segments.add(head);
            } else if (bracket != 0) {
                return Optional.empty();
            }
            while (bracket >= 0) {
                int close = rest.indexOf(']', bracket);
                if (close < 0) {
                    return Optional.empty();
                }
                segments.add(rest.substring(bracket + 1, close));
                rest = rest.substring(close + 1);
                bracket = rest.isEmpty() ? -1 : (rest.charAt(0) == '[' ? 0 : -2);
                if (bracket == -2) {
                    return Optional.empty();
                }
            }
        }
        if (segments.isEmpty() || segments.size() > MAX_SEGMENTS) {
            return Optional.empty();
        }
        for (String segment : segments) {
            if (!isSegment(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(segments);
    }

    /**
     * A name ({@code [A-Za-z_$][A-Za-z0-9_$-]*}) or an index (one to nine digits). Plain loops: every template of
     * every step of every execution is parsed, and character streams cost 1% of a webhook's CPU here.
     */
    private static boolean isSegment(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        boolean index = isDigit(segment.charAt(0));
        if (index ? segment.length() > 9 : segment.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (index ? !isDigit(c) : !isNameChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == '$' || c == '-';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    public static boolean isValid(String path) {
        return parse(path).isPresent();
    }

    /** The value at {@code path}, or a missing node when the path is invalid or leads nowhere. */
    public static JsonNode lookup(JsonNode root, String path) {
        Optional<List<String>> segments = parse(path);
        if (segments.isEmpty()) {
            return MissingNode.getInstance();
        }
        JsonNode node = root;
        for (String segment : segments.get()) {
            if (node.isArray() && Character.isDigit(segment.charAt(0))) {
                node = node.path(Integer.parseInt(segment));
            } else if (node.isObject()) {
                node = node.path(segment);
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    /**
     * Why {@code path} leads nowhere in {@code root}, for people: the first segment that is not there, and what
     * there is at that level instead ({@code event_data.opportunity has no 'name'; it has: area, amount}).
     */
    static String whyMissing(JsonNode root, String path) {
        List<String> segments = parse(path).orElse(List.of());
        JsonNode node = root;
        StringBuilder at = new StringBuilder();
        for (String segment : segments) {
            JsonNode next = node.isArray() && Character.isDigit(segment.charAt(0)) ? node.path(Integer.parseInt(segment))
                    : node.isObject() ? node.path(segment) : MissingNode.getInstance();
            if (next.isMissingNode()) {
                return describe(node, at.isEmpty() ? "the execution context" : at.toString(), segment);
            }
            at.append(at.isEmpty() ? "" : ".").append(segment);
            node = next;
        }
        return "the path is not valid";
    }

    private static String describe(JsonNode node, String where, String segment) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            if (keys.isEmpty()) {
                return where + " has no '" + segment + "'; it is an empty object";
            }
            String shown = String.join(", ", keys.subList(0, Math.min(keys.size(), MAX_KEYS_SHOWN)));
            return where + " has no '" + segment + "'; it has: " + shown
                    + (keys.size() > MAX_KEYS_SHOWN ? ", ... (" + keys.size() + " keys)" : "");
        }
        if (node.isArray()) {
            return where + " is a list of " + node.size() + " items; there is no item '" + segment + "'";
        }
        return where + " is " + (node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                + ", not an object with '" + segment + "'";
    }
}
