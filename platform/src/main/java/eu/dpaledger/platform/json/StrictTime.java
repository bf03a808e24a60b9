package eu.dpaledger.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Instants and dates in requests as the published contracts state them and nothing else: an RFC 3339
 * date-time with a four-digit year from 0001 and an offset ({@code 2026-12-01T10:00:00Z},
 * {@code 2026-12-01T11:00:00+01:00}), a date as {@code 2026-12-01}. Numbers (epoch seconds), years
 * beyond 9999 or before 0001 and dates without an offset are a 400 naming the field: they would either
 * break the event contracts' {@code date-time} format or the calendar arithmetic downstream.
 */
final class StrictTime {

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictTime() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("dpa-strict-time");
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = text(p, ctxt, Instant.class);
                Instant utc = UtcInstants.parse(text); // the common shape (2026-12-01T10:00:00Z), without the regex and formatter
                if (utc != null) {
                    return utc;
                }
                if (!DATE_TIME.matcher(text).matches() || text.startsWith("0000")) {
                    throw ctxt.weirdStringException(text, Instant.class,
                            "an RFC 3339 date-time with a year from 0001 to 9999 and an offset, e.g. 2026-12-01T10:00:00Z");
                }
                try {
                    return OffsetDateTime.parse(text.toUpperCase()).toInstant();
                } catch (DateTimeParseException e) {
                    throw ctxt.weirdStringException(text, Instant.class, "not a valid date-time");
                }
            }
        });
        module.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = text(p, ctxt, LocalDate.class);
                LocalDate plain = UtcInstants.date(text);
                if (plain != null) {
                    return plain;
                }
                if (!DATE.matcher(text).matches() || text.startsWith("0000")) {
                    throw ctxt.weirdStringException(text, LocalDate.class, "a date with a year from 0001 to 9999, e.g. 2026-12-01");
                }
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw ctxt.weirdStringException(text, LocalDate.class, "not a valid date");
                }
            }
        });
        return module;
    }

    private static String text(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(type, p.currentToken(), p,
                    "expected a string (" + type.getSimpleName() + "), not " + p.currentToken());
        }
        return p.getText().trim();
    }
}
