package eu.dpaledger.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.contracts.PublishedContracts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Instants and dates read without a formatter must be exactly what {@link Instant#parse} and {@link LocalDate#parse}
 * make of the same text, and every other shape must be left to the caller's parser (null), so that a published record
 * or a request is accepted or refused as before.
 */
class UtcInstantsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void what_the_system_writes_reads_back_as_the_same_instant_at_every_precision() {
        Random random = new Random(19);
        Instant first = Instant.parse("0001-01-01T00:00:00Z");
        Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
        long span = last.getEpochSecond() - first.getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = first.plusSeconds(Math.floorMod(random.nextLong(), span)).plusNanos(random.nextInt(1_000_000_000));
            // Instant.toString writes 0, 3, 6 or 9 digits of fraction: the clock's micros and whole seconds among them.
            for (ChronoUnit unit : List.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS)) {
                Instant written = instant.truncatedTo(unit);
                assertEquals(written, UtcInstants.parse(written.toString()), written.toString());
            }
        }
        // Any number of fraction digits from one to nine, as RFC 3339 allows.
        assertEquals(Instant.parse("2026-12-04T17:30:22.100Z"), UtcInstants.parse("2026-12-04T17:30:22.1Z"));
        assertEquals(Instant.parse("2026-12-04T17:30:22.123400Z"), UtcInstants.parse("2026-12-04T17:30:22.1234Z"));
        assertEquals(LocalDate.parse("2024-02-29"), UtcInstants.date("2024-02-29"));
    }

    @Test
    void every_other_shape_is_left_to_the_callers_parser() {
        for (String other : List.of("2026-12-04T18:30:22+01:00", "2026-12-04t17:30:22z", "2026-12-04T17:30Z", "2026-12-04 17:30:22Z",
                "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-04T24:00:00Z", "2026-12-04T23:59:60Z",
                "2026-13-04T17:30:22Z", "2026-12-04T17:30:22.Z", "2026-12-04T17:30:22.1234567890Z", "+2026-12-04T17:30:22Z",
                "2026-12-04T17:30:2xZ", "２０２６-12-04T17:30:22Z", "20261204T173022Z", "")) {
            assertNull(UtcInstants.parse(other), other);
        }
        for (String other : List.of("0000-01-01", "2026-02-29", "2026-00-10", "2026-1-10", "２０２６-12-04", "2026/12/04", "2026-12-04T00:00:00Z", "2026-12-04x")) {
            assertNull(UtcInstants.date(other), other);
        }
        assertNull(UtcInstants.parse(null));
    }

    @Test
    void an_offset_is_read_through_the_formatter_and_text_that_is_no_date_time_refused() {
        assertEquals(Instant.parse("2026-12-04T17:30:22.123Z"), UtcInstants.parseOffset("2026-12-04T17:30:22.123Z"));
        assertEquals(Instant.parse("2026-12-04T17:30:22Z"), UtcInstants.parseOffset("2026-12-04T18:30:22+01:00"));
        assertThrows(DateTimeParseException.class, () -> UtcInstants.parseOffset("2026-02-30T00:00:00Z"));
        assertThrows(DateTimeParseException.class, () -> UtcInstants.parseOffset("yesterday"));
    }

    /** A published record's instants: the common shape without a formatter, the others read and refused as before. */
    record Stamped(Instant at, LocalDate from) {
    }

    @Test
    void a_published_record_reads_offsets_as_before_and_refuses_what_it_refused() throws Exception {
        Stamped utc = PublishedContracts.read(MAPPER.readTree("{\"at\":\"2026-12-04T17:30:22.123456Z\",\"from\":\"2027-01-18\"}"), Stamped.class);
        assertEquals(new Stamped(Instant.parse("2026-12-04T17:30:22.123456Z"), LocalDate.parse("2027-01-18")), utc);
        Stamped offset = PublishedContracts.read(MAPPER.readTree("{\"at\":\"2026-12-04T18:30:22.123456+01:00\",\"from\":\"2027-01-18\"}"), Stamped.class);
        assertEquals(OffsetDateTime.parse("2026-12-04T18:30:22.123456+01:00").toInstant(), offset.at());
        assertThrows(IllegalArgumentException.class,
                () -> PublishedContracts.read(MAPPER.readTree("{\"at\":\"2026-02-30T00:00:00Z\"}"), Stamped.class));
        assertThrows(IllegalArgumentException.class,
                () -> PublishedContracts.read(MAPPER.readTree("{\"from\":\"2026-02-30\"}"), Stamped.class));
    }
}
