package dev.placemat.workflows.connectors.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The design's {@code date_range}: items whose date lies in a window that ends now (UTC). */
final class DateRange {

    private final Instant from;
    private final String field;

    private DateRange(Instant from, String field) {
        this.from = from;
        this.field = field;
    }

    static DateRange of(DataAggregateAction.DateWindow range, String field) {
        if (range == null) {
            return new DateRange(null, null);
        }
        int days = switch (range) {
            case last_day -> 1;
            case last_week -> 7;
            case last_month -> 30;
            case last_quarter -> 91;
            case last_year -> 365;
        };
        return new DateRange(Instant.now().minus(Duration.ofDays(days)),
                field == null || field.isBlank() ? "date" : field.strip());
    }

    boolean includes(JsonNode item, int index) throws StepFailure {
        if (from == null) {
            return true;
        }
        JsonNode value = Paths.lookup(item, field);
        if (!value.isTextual()) {
            throw StepFailure.permanent("item " + index + " has no " + field + " date (date_field) for date_range");
        }
        return !instant(value.asText(), index).isBefore(from);
    }

    private Instant instant(String text, int index) throws StepFailure {
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            boolean withOffset = text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$");
            return withOffset ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw StepFailure.permanent("item " + index + " has " + field + " = '" + text
                    + "', which is not an ISO date such as 2025-03-31");
        }
    }
}
