package eu.dpaledger.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Reads the instants and dates this system writes, in the one shape it writes them ({@link Instant#toString()}:
 * {@code 2026-12-04T17:30:22.123456Z}; {@link LocalDate#toString()}: {@code 2027-01-18}), without a
 * {@link java.time.format.DateTimeFormatter}: a formatter's parse took a quarter of reading a published contract
 * record, and every event carries several instants (bench/RESULTS.md, "Instants read without a formatter"). Anything
 * else (an offset, lower-case letters, a year outside 0001–9999, an impossible date) is left to the caller's own
 * parser ({@code null}), so what was accepted or refused before still is.
 */
public final class UtcInstants {

    private UtcInstants() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with one to nine digits of fraction, as an instant; null for any other text. */
    public static Instant parse(String text) {
        int n = text == null ? 0 : text.length();
        if (n < 20 || n == 21 || n > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(n - 1) != 'Z' || (n > 20 && text.charAt(19) != '.')) {
            return null;
        }
        LocalDate date = datePart(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nano = n > 20 ? digits(text, 20, n - 1) : 0;
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
            return null;
        }
        for (int scale = n > 20 ? n - 21 : 9; scale < 9; scale++) { // .1 is 100,000,000 ns
            nano *= 10;
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nano);
    }

    /**
     * An RFC 3339 date-time as an instant: the shape above without a formatter, any other (an offset) through
     * {@link OffsetDateTime#parse}, whose {@link java.time.format.DateTimeParseException} refuses what is none.
     */
    public static Instant parseOffset(String text) {
        Instant utc = parse(text);
        return utc != null ? utc : OffsetDateTime.parse(text).toInstant();
    }

    /** {@code yyyy-MM-dd} with a year from 0001, as a date; null for any other text. */
    public static LocalDate date(String text) {
        return text == null || text.length() != 10 ? null : datePart(text);
    }

    /** {@code yyyy-MM-dd} in the first ten characters of {@code text} (at least ten), as a date; null when they are not one. */
    private static LocalDate datePart(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) { // 30 February: the caller's parser says how it is refused
            return null;
        }
    }

    /** The ASCII digits from {@code from} (inclusive) to {@code to} as a number, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Jackson deserializers for {@link Instant} and {@link LocalDate} that take the shapes above without a formatter
     * and hand anything else to jsr310's own ({@link InstantDeserializer#INSTANT}, {@link LocalDateDeserializer}),
     * so a mapper reads exactly what it read before. For mappers that read what this system wrote (published records).
     */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("dpa-utc-instants");
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                Instant fast = p.currentToken() == JsonToken.VALUE_STRING ? parse(p.getText()) : null;
                return fast != null ? fast : InstantDeserializer.INSTANT.deserialize(p, ctxt);
            }
        });
        module.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                LocalDate fast = p.currentToken() == JsonToken.VALUE_STRING ? date(p.getText()) : null;
                return fast != null ? fast : LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            }
        });
        return module;
    }
}
