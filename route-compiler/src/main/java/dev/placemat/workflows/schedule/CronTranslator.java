package dev.placemat.workflows.schedule;

import java.text.ParseException;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Translates Unix cron ({@code minute hour day-of-month month day-of-week}, as in {@code 0 9 * * MON}) into Quartz
 * cron, which has a seconds field, numbers Sunday 1 instead of 0, and needs {@code ?} in one of the two day fields.
 * Unix cron runs a job when either day field matches if both are restricted; Quartz cannot say that, so such
 * expressions are refused rather than given another meaning. A 6-field form with seconds first is read only when
 * the caller allows it (test schedules).
 */
public final class CronTranslator {

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final Pattern PART = Pattern.compile("(\\*|[A-Z0-9]+(?:-[A-Z0-9]+)?)(?:/(\\d+))?");

    private CronTranslator() {}

    /** A field of a cron expression: its name for messages, its range, and its names (months, days). */
    private record Field(String name, int min, int max, List<String> names, int firstName) {}

    private static final Field SECOND = new Field("second", 0, 59, List.of(), 0);
    private static final Field MINUTE = new Field("minute", 0, 59, List.of(), 0);
    private static final Field HOUR = new Field("hour", 0, 23, List.of(), 0);
    private static final Field DAY_OF_MONTH = new Field("day of month", 1, 31, List.of(), 0);
    private static final Field MONTH = new Field("month", 1, 12, MONTHS, 1);
    private static final Field DAY_OF_WEEK = new Field("day of week", 0, 7, DAYS, 0);

    /**
     * @param allowSeconds also accept six fields, the first being seconds
     * @return the Quartz cron expression
     * @throws IllegalArgumentException with a message for people when the expression cannot be translated
     */
    public static String toQuartz(String unixCron, boolean allowSeconds) {
        if (unixCron == null || unixCron.isBlank()) {
            throw new IllegalArgumentException("a cron expression is required, such as '0 9 * * MON'");
        }
        String text = unixCron.trim().toUpperCase(Locale.ROOT);
        text = MACROS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        String[] fields = text.split("\\s+");
        boolean withSeconds = fields.length == 6 && allowSeconds;
        if (fields.length != 5 && !withSeconds) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month "
                    + "day-of-week), such as '0 9 * * MON'; this one has " + fields.length);
        }
        int i = withSeconds ? 1 : 0;
        String seconds = withSeconds ? checked(fields[0], SECOND) : "0";
        String minutes = checked(fields[i], MINUTE);
        String hours = checked(fields[i + 1], HOUR);
        BitSet monthDays = expand(fields[i + 2], DAY_OF_MONTH);
        String months = checked(fields[i + 3], MONTH);
        BitSet weekDays = expand(fields[i + 4], DAY_OF_WEEK);
        if (weekDays.get(7)) {
            weekDays.set(0);
            weekDays.clear(7);
        }
        String[] days = days(fields[i + 2], monthDays, fields[i + 4], weekDays);
        String quartz = String.join(" ", seconds, minutes, hours, days[0], months, days[1]);
        try {
            new CronExpression(quartz);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the expression cannot be scheduled: " + e.getMessage());
        }
        return quartz;
    }

    /**
     * The two day fields in Quartz, one of them {@code ?}. Unix cron ORs the day fields when neither starts with
     * {@code *}, and ANDs them otherwise; Quartz can only leave one of them out.
     */
    private static String[] days(String monthText, BitSet monthDays, String weekText, BitSet weekDays) {
        boolean allMonthDays = monthDays.cardinality() == 31;
        boolean allWeekDays = weekDays.cardinality() == 7;
        boolean either = !monthText.startsWith("*") && !weekText.startsWith("*");
        if (either && (allMonthDays || allWeekDays)) {
            return new String[] {"*", "?"};
        }
        if (!either && allWeekDays) {
            return new String[] {monthText, "?"};
        }
        if (!either && allMonthDays) {
            return new String[] {"?", dayNames(weekDays)};
        }
        throw new IllegalArgumentException("the expression restricts both the day of month and the day of week ("
                + (either ? "Unix cron runs it when either matches" : "to run when both match")
                + "), which cannot be scheduled here: put '*' in one of the two day fields, or use two workflows");
    }

    private static String checked(String text, Field field) {
        expand(text, field);
        return text;
    }

    /** Every value a field matches; refuses what Unix cron does not have (L, W, #, ?) and out-of-range values. */
    private static BitSet expand(String text, Field field) {
        BitSet values = new BitSet();
        for (String part : text.split(",", -1)) {
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part + "' is not a valid " + field.name() + " (use a number, "
                        + "a range a-b, a list a,b, '*' or a step such as */15)");
            }
            int step = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            if (step < 1 || step > field.max()) {
                throw new IllegalArgumentException("the step in '" + part + "' is out of range for the " + field.name());
            }
            int from;
            int to;
            if (m.group(1).equals("*")) {
                from = field.min();
                to = field == DAY_OF_WEEK ? 6 : field.max();
            } else {
                String[] range = m.group(1).split("-");
                from = value(range[0], field);
                to = range.length > 1 ? value(range[1], field) : m.group(2) == null ? from : field.max();
                if (to < from) {
                    throw new IllegalArgumentException("the range '" + part + "' runs backwards in the " + field.name());
                }
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int value(String token, Field field) {
        int named = field.names().indexOf(token);
        if (named >= 0) {
            return named + field.firstName();
        }
        try {
            int v = Integer.parseInt(token);
            if (v >= field.min() && v <= field.max()) {
                return v;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("'" + token + "' is not a valid " + field.name() + " (" + field.min() + "-"
                + field.max() + (field.names().isEmpty() ? "" : " or " + String.join(", ", field.names())) + ")");
    }

    private static String dayNames(BitSet days) {
        StringBuilder out = new StringBuilder();
        days.stream().forEach(d -> out.append(out.isEmpty() ? "" : ",").append(DAYS.get(d)));
        return out.toString();
    }
}
