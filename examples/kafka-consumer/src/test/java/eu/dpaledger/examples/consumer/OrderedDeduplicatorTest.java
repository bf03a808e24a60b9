package eu.dpaledger.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderedDeduplicatorTest {
    private static final Duration HOLD_TIME = Duration.ofSeconds(30);

    private final SettableClock clock = new SettableClock();
    private final List<OrderedDeduplicator.Gap> gaps = new ArrayList<>();
    private final OrderedDeduplicator deduplicator = new OrderedDeduplicator(
            new OrderedDeduplicator.Limits(1_000, 1_000, 3, HOLD_TIME), clock, gaps::add);

    @Test
    void an_event_seen_before_by_id_is_dropped() {
        Event first = event("breach-1", 1L);

        assertEquals(List.of(first), deduplicator.accept(first));
        assertEquals(List.of(), deduplicator.accept(first));
    }

    @Test
    void the_first_version_seen_of_a_stream_is_taken_as_its_start() {
        Event fifth = event("breach-1", 5L);
        Event sixth = event("breach-1", 6L);

        assertEquals(List.of(fifth), deduplicator.accept(fifth));
        assertEquals(List.of(sixth), deduplicator.accept(sixth));
    }

    @Test
    void a_version_at_or_below_the_last_passed_on_is_a_replay_and_is_dropped() {
        deduplicator.accept(event("breach-1", 1L));
        deduplicator.accept(event("breach-1", 2L));

        // Replayed records carry the same versions under the ids they had; a republished copy may have a new id.
        assertEquals(List.of(), deduplicator.accept(event("breach-1", 2L)));
        assertEquals(List.of(), deduplicator.accept(event("breach-1", 1L)));
    }

    @Test
    void an_event_ahead_of_the_next_version_is_held_until_the_missing_ones_arrive_then_all_pass_in_order() {
        Event first = event("breach-1", 1L);
        Event second = event("breach-1", 2L);
        Event third = event("breach-1", 3L);
        Event fourth = event("breach-1", 4L);
        deduplicator.accept(first);

        assertEquals(List.of(), deduplicator.accept(fourth));
        assertEquals(List.of(), deduplicator.accept(third));
        assertEquals(List.of(third, fourth), List.copyOf(deduplicator.held()));
        assertEquals(List.of(second, third, fourth), deduplicator.accept(second));
        assertTrue(deduplicator.held().isEmpty());
        assertTrue(gaps.isEmpty());
    }

    @Test
    void a_version_already_held_is_dropped() {
        deduplicator.accept(event("breach-1", 1L));
        Event third = event("breach-1", 3L);
        deduplicator.accept(third);

        assertEquals(List.of(), deduplicator.accept(event("breach-1", 3L)));
        assertEquals(List.of(third), List.copyOf(deduplicator.held()));
    }

    @Test
    void events_held_longer_than_the_hold_time_are_passed_on_and_the_gap_reported() {
        deduplicator.accept(event("breach-1", 1L));
        Event fourth = event("breach-1", 4L);
        Event fifth = event("breach-1", 5L);
        deduplicator.accept(fifth);
        deduplicator.accept(fourth);

        clock.advance(HOLD_TIME.minusSeconds(1));
        assertEquals(List.of(), deduplicator.releaseOverdue());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(fourth, fifth), deduplicator.releaseOverdue());
        assertEquals(List.of(new OrderedDeduplicator.Gap("breach-1", 2, 3)), gaps);
        assertEquals(List.of(), deduplicator.accept(event("breach-1", 2L)), "a missing version arriving late is a replay");
    }

    @Test
    void holding_more_than_the_bound_passes_the_held_events_on_and_reports_the_gap() {
        deduplicator.accept(event("breach-1", 1L));
        Event third = event("breach-1", 3L);
        Event fourth = event("breach-1", 4L);
        Event fifth = event("breach-1", 5L);
        Event sixth = event("breach-1", 6L);
        deduplicator.accept(third);
        deduplicator.accept(fourth);
        deduplicator.accept(fifth);

        assertEquals(List.of(third, fourth, fifth, sixth), deduplicator.accept(sixth));
        assertEquals(List.of(new OrderedDeduplicator.Gap("breach-1", 2, 2)), gaps);
    }

    @Test
    void streams_are_ordered_independently() {
        deduplicator.accept(event("breach-1", 1L));
        deduplicator.accept(event("breach-2", 1L));
        Event thirdOfFirst = event("breach-1", 3L);
        Event secondOfSecond = event("breach-2", 2L);

        assertEquals(List.of(), deduplicator.accept(thirdOfFirst));
        assertEquals(List.of(secondOfSecond), deduplicator.accept(secondOfSecond));
    }

    @Test
    void an_event_without_stream_version_passes_through_deduplicated_by_id_only() {
        Event ping = event("subscription-1", null);

        assertEquals(List.of(ping), deduplicator.accept(ping));
        assertEquals(List.of(), deduplicator.accept(ping));
    }

    @Test
    void ids_beyond_the_remembered_number_are_forgotten_oldest_first() {
        OrderedDeduplicator small = new OrderedDeduplicator(
                new OrderedDeduplicator.Limits(2, 10, 3, HOLD_TIME), clock, gaps::add);
        Event first = event("a", null);
        small.accept(first);
        small.accept(event("b", null));
        small.accept(event("c", null));

        assertEquals(List.of(first), small.accept(first));
    }

    private static Event event(String subject, Long streamVersion) {
        return new Event(UUID.randomUUID().toString(), "eu.dpaledger.breach.BreachReported.v1", subject,
                "/breach-service", "2026-12-01T10:00:00Z", streamVersion, null, JsonNodeFactory.instance.objectNode(),
                "dpa.breaches", 0, 0);
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
