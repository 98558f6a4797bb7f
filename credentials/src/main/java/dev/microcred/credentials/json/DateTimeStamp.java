package dev.microcred.credentials.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the date-times credentials carry ({@code validFrom}, {@code validUntil}, {@code issuanceDate}; XML Schema
 * dateTimeStamp / RFC 3339) exactly as {@code OffsetDateTime.parse(text).toInstant()} does, answering the common
 * form microcred and most issuers write, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, without the general formatter
 * (which was a few per cent of a verification). Every other text, and any out-of-range field in that form, goes to
 * {@link OffsetDateTime#parse}, so what is accepted, rejected and returned is the same. Stateless.
 */
public final class DateTimeStamp {
    private DateTimeStamp() {
    }

    /**
     * The instant {@code text} names.
     *
     * @throws DateTimeParseException when {@link OffsetDateTime#parse} would throw
     */
    public static Instant toInstant(String text) {
        Instant utc = utc(text);
        return utc != null ? utc : OffsetDateTime.parse(text).toInstant();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with every field in range, else null. */
    private static Instant utc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
