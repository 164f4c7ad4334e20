package dev.placemat.workflows.connectors.data;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Jsonata.JFunctionCallable;
import com.dashjoin.jsonata.Utils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replacements for the JSONata functions that can make a large value from a small one, or run long in one call:
 * each checks the size of what it will make before making it, and reads text through the budget when it matches a
 * regular expression. The library's {@code $pad} alone took minutes for {@code $pad("", 100000000)} (it grows its
 * padding one copy at a time), and its {@code $replace} with a limit loops that many times. {@code $eval} is not
 * offered: expressions come from the definition, never from data.
 */
final class BoundedFunctions {

    private final ExpressionBudget budget;

    private BoundedFunctions(ExpressionBudget budget) {
        this.budget = budget;
    }

    /**
     * Binds the replacements in {@code frame}, where they hide the library's functions of the same names. Only the
     * functions {@code expression} names are bound: a JSONata expression reaches a function only through its name
     * ({@code $pad}), and binding one parses its signature, which costs more than the rest of a small evaluation.
     */
    static void install(Jsonata.Frame frame, ExpressionBudget budget, String expression) {
        BoundedFunctions f = new BoundedFunctions(budget);
        bind(frame, expression, "pad", "<s-ns?:s>", f::pad);
        bind(frame, expression, "join", "<a<s>s?:s>", f::join);
        bind(frame, expression, "string", "<x-b?:s>", f::string);
        bind(frame, expression, "replace", "<s-(sf)(sf)n?:s>", f::replace);
        bind(frame, expression, "split", "<s-(sf)n?:a<s>>", f::split);
        bind(frame, expression, "match", "<s-f<s:o>n?:a<o>>", f::match);
        bind(frame, expression, "contains", "<s-(sf):b>", f::contains);
        bind(frame, expression, "eval", "<sx?:x>", (input, args) -> {
            throw error("$eval is not available: an expression may not run text as an expression");
        });
    }

    private static void bind(Jsonata.Frame frame, String expression, String name, String signature,
            JFunctionCallable function) {
        if (expression.contains("$" + name)) {
            frame.bind(name, new JFunction(function, signature));
        }
    }

    private Object pad(Object input, List<?> args) {
        String text = (String) arg(args, 0);
        if (text == null) {
            return null;
        }
        long width = ((Number) arg(args, 1)).longValue();
        String fill = arg(args, 2) instanceof String s && !s.isEmpty() ? s : " ";
        budget.checkString(Math.abs(width));
        int pads = (int) (Math.abs(width) - text.codePointCount(0, text.length()));
        if (pads <= 0) {
            return text;
        }
        int[] points = fill.codePoints().toArray();
        StringBuilder padding = new StringBuilder(pads);
        for (int i = 0; i < pads; i++) {
            padding.appendCodePoint(points[i % points.length]);
        }
        return width < 0 ? padding + text : text + padding;
    }

    private Object join(Object input, List<?> args) {
        List<?> strings = (List<?>) arg(args, 0);
        if (strings == null) {
            return null;
        }
        String separator = arg(args, 1) instanceof String s ? s : "";
        long length = (long) separator.length() * Math.max(0, strings.size() - 1);
        for (Object s : strings) {
            length += String.valueOf(s).length();
            budget.checkString(length);
        }
        StringBuilder joined = new StringBuilder((int) length);
        for (int i = 0; i < strings.size(); i++) {
            joined.append(i == 0 ? "" : separator).append(strings.get(i));
        }
        return joined.toString();
    }

    private Object string(Object input, List<?> args) {
        Object value = arg(args, 0);
        if (value instanceof Utils.JList<?> list && list.outerWrapper) {
            value = list.get(0);
        }
        if (value == null || value instanceof String) {
            return value;
        }
        boolean pretty = Boolean.TRUE.equals(arg(args, 1));
        new JsonLength(budget::checkString, pretty).of(value, 0);
        return Functions.string(value, pretty);
    }

    private Object replace(Object input, List<?> args) throws Throwable {
        String text = (String) arg(args, 0);
        if (text == null) {
            return null;
        }
        Object pattern = arg(args, 1);
        Object replacement = arg(args, 2);
        Number limit = (Number) arg(args, 3);
        if (pattern instanceof String s && s.isEmpty()) {
            throw new JException("D3010", -1);
        }
        if (limit != null && limit.longValue() < 0) {
            throw new JException("D3011", -1);
        }
        Matcher m = matcher(pattern, text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (long done = 0; (limit == null || done < limit.longValue()) && m.find(); done++) {
            if (m.start() == m.end()) {
                throw new JException("D1004", -1, m.pattern().pattern());
            }
            out.append(text, last, m.start());
            out.append(pattern instanceof String ? (String) replacement : replacement(m, replacement));
            last = m.end();
            budget.checkString(out.length() + (long) (text.length() - last));
            budget.check();
        }
        return out.append(text, last, text.length()).toString();
    }

    /** The text for one match: JSONata's {@code $0}, {@code $1}..., {@code $$} in a string, or a function's answer. */
    private String replacement(Matcher m, Object replacement) throws Throwable {
        if (!(replacement instanceof String template)) {
            Object answer = Functions.funcApply(replacement, List.of(matchObject(m)));
            if (answer != null && !(answer instanceof String)) {
                throw new JException("D3012", -1);
            }
            return answer == null ? "" : (String) answer;
        }
        StringBuilder out = new StringBuilder();
        int position = 0;
        int dollar = template.indexOf('$');
        while (dollar >= 0) {
            out.append(template, position, dollar);
            position = dollar + 1;
            char next = position < template.length() ? template.charAt(position) : ' ';
            if (next == '$' || next == '0') {
                out.append(next == '$' ? "$" : m.group());
                position++;
            } else {
                String digits = digits(template, position, String.valueOf(Math.max(1, m.groupCount())).length());
                if (digits.length() > 1 && Integer.parseInt(digits) > m.groupCount()) {
                    digits = digits.substring(0, digits.length() - 1);
                }
                if (digits.isEmpty()) {
                    out.append('$');
                } else {
                    int group = Integer.parseInt(digits);
                    if (group <= m.groupCount() && m.group(group) != null) {
                        out.append(m.group(group));
                    }
                    position += digits.length();
                }
            }
            budget.checkString(out.length());
            dollar = template.indexOf('$', position);
        }
        return out.append(template.substring(position)).toString();
    }

    /** The digits at {@code from} in {@code text}, at most {@code most} of them. */
    private static String digits(String text, int from, int most) {
        int end = from;
        while (end < text.length() && end - from < most && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(from, end);
    }

    private Object split(Object input, List<?> args) {
        String text = (String) arg(args, 0);
        if (text == null) {
            return null;
        }
        Object separator = arg(args, 1);
        Number limit = (Number) arg(args, 2);
        if (limit != null && limit.longValue() < 0) {
            throw new JException("D3020", -1, text);
        }
        long most = limit == null ? ExpressionBudget.MAX_ITEMS + 1L : limit.longValue();
        List<String> parts = new ArrayList<>();
        if ("".equals(separator)) {
            for (int i = 0; i < text.length() && parts.size() < most; i++) {
                parts.add(String.valueOf(text.charAt(i)));
                budget.checkItems(parts.size());
            }
            return parts;
        }
        Matcher m = matcher(separator, text);
        int last = 0;
        while (parts.size() < most && m.find()) {
            if (m.start() == m.end() && (m.start() == 0 || m.start() == text.length())) {
                continue;
            }
            parts.add(text.substring(last, m.start()));
            last = m.end();
            budget.checkItems(parts.size());
            budget.check();
        }
        if (parts.size() < most) {
            parts.add(text.substring(last));
        }
        budget.checkItems(parts.size());
        return parts;
    }

    private Object match(Object input, List<?> args) {
        String text = (String) arg(args, 0);
        if (text == null) {
            return null;
        }
        if (!(arg(args, 1) instanceof Pattern)) {
            throw error("the second argument of $match must be a regular expression such as /[0-9]+/");
        }
        Number limit = (Number) arg(args, 2);
        if (limit != null && limit.longValue() < 0) {
            throw new JException("D3040", -1, limit);
        }
        List<Object> matches = Utils.createSequence();
        Matcher m = matcher(arg(args, 1), text);
        while ((limit == null || matches.size() < limit.longValue()) && m.find()) {
            matches.add(matchObject(m));
            budget.checkItems(matches.size());
            budget.check();
        }
        return matches;
    }

    private Object contains(Object input, List<?> args) {
        String text = (String) arg(args, 0);
        if (text == null) {
            return null;
        }
        Object token = arg(args, 1);
        return token instanceof String s ? text.contains(s) : matcher(token, text).find();
    }

    /** A matcher that reads {@code text} under the budget; a string pattern matches itself literally. */
    private Matcher matcher(Object pattern, String text) {
        Pattern compiled = pattern instanceof Pattern p ? p : Pattern.compile(Pattern.quote(String.valueOf(pattern)));
        return compiled.matcher(new GuardedText(text, budget));
    }

    /** JSONata's match object: {@code {match, index, groups}}. */
    private static Map<String, Object> matchObject(Matcher m) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("match", m.group());
        match.put("index", m.start());
        List<String> groups = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) {
            groups.add(m.group(g));
        }
        match.put("groups", groups);
        return match;
    }

    private static Object arg(List<?> args, int index) {
        return args != null && index < args.size() ? args.get(index) : null;
    }

    private static JException error(String message) {
        return new JException("D3137", -1, message);
    }
}
