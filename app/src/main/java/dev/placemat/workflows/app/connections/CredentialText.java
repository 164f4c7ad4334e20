package dev.placemat.workflows.app.connections;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials inside recorded text: {@code Bearer}/{@code Basic} credentials, credential query parameters inside
 * URLs, and header lines ({@code Authorization: ...}), found by one pattern that runs only on text that may hold one.
 */
final class CredentialText {

    private static final String NAME_ALTERNATIVES = String.join("|", SecretRedactor.SECRET_NAMES.stream()
            .sorted((a, b) -> b.length() - a.length())
            .map(n -> n.replace("_", "[-_]")).toList());
    /** A scheme's credentials, a credential query parameter, or a credential header line. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?i)(\\b(?:Bearer|Basic)\\s+)[A-Za-z0-9._~+/=-]{4,}"
            + "|([?&;](?:" + NAME_ALTERNATIVES + ")=)[^&#\\s\"'<>]+"
            + "|(?m)(^\\s*(?:" + NAME_ALTERNATIVES + ")\\s*:\\s*)\\S[^\\r\\n]*");

    private CredentialText() {
    }

    /** The text with every credential the pattern finds replaced by the mask. */
    static String mask(String text) {
        if (!mayHoldPattern(text)) {
            return text;
        }
        Matcher m = IN_TEXT.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String keep = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(keep + SecretRedactor.MASK));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Whether the text may hold what {@link #IN_TEXT} masks, tested without it: a scheme's name, a credential's
     * parameter ({@code ?name=}, {@code &name=} or {@code ;name=}), or a line that starts with a credential's name and
     * a ':'. Most recorded text (URLs, times, addresses, media types, messages) holds none, and the pattern's scan
     * costs more than the rest of the masking.
     */
    static boolean mayHoldPattern(String text) {
        return text.length() > 4 && (hasSchemeName(text) || hasCredentialParameter(text) || hasCredentialLine(text));
    }

    /** Whether "bearer" or "basic" is in the text in any case: compared only where a 'b' is. */
    private static boolean hasSchemeName(String text) {
        for (int i = 0; i <= text.length() - "basic".length(); i++) {
            if ((text.charAt(i) | 0x20) == 'b' && (text.regionMatches(true, i + 1, "asic", 0, 4)
                    || text.regionMatches(true, i + 1, "earer", 0, 5))) {
                return true;
            }
        }
        return false;
    }

    /** A credential's name between '?', '&' or ';' and '=', as in a query. */
    private static boolean hasCredentialParameter(String text) {
        for (int eq = text.indexOf('='); eq > 0; eq = text.indexOf('=', eq + 1)) {
            int start = eq;
            while (start > 0 && isNameChar(text.charAt(start - 1))) {
                start--;
            }
            if (start > 0 && "?&;".indexOf(text.charAt(start - 1)) >= 0 && SecretRedactor.isSecretName(text.substring(start, eq))) {
                return true;
            }
        }
        return false;
    }

    /** A line (after blank space) that starts with a credential's name followed by ':', as a header line does. */
    private static boolean hasCredentialLine(String text) {
        for (int start = 0; start >= 0 && start < text.length(); start = nextLine(text, start)) {
            int i = start;
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            int nameStart = i;
            while (i < text.length() && isNameChar(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == ':' && SecretRedactor.isSecretName(name)) {
                return true;
            }
        }
        return false;
    }

    /** Where the line after the one at {@code from} starts, or -1 (the line terminators of {@code (?m)^}). */
    private static int nextLine(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i + 1;
            }
        }
        return -1;
    }

    /** A blank character as the pattern's {@code \s} reads it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }
}
