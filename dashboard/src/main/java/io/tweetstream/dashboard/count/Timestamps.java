package io.tweetstream.dashboard.count;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the window timestamps of the counts topic. Lenient because the writer is a Spark job whose
 * JSON options decide the form: {@code 2026-11-25T10:00:01.000Z}, {@code ...+00:00}, {@code ...+0000},
 * a space instead of the {@code T}, fractions of any length, or epoch milliseconds as digits. A time
 * without an offset is UTC, Spark's default session time zone on a server.
 */
public final class Timestamps {

    private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** @throws MalformedCountException when {@code text} is none of the accepted forms */
    public static long toEpochMillis(String text) throws MalformedCountException {
        String trimmed = text.strip();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit) && trimmed.length() <= 15) {
            return Long.parseLong(trimmed);
        }
        try {
            TemporalAccessor parsed = LENIENT_ISO.parse(trimmed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return LocalDateTime.from(parsed).toInstant(offset).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new MalformedCountException("not a timestamp: '" + abbreviate(trimmed) + "'");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
