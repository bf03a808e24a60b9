package eu.dpaledger.examples.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Turns what a consumer reads (with the duplicates a rebalance, a restart or a replay brings) into each stream's
 * events once and in order. Plain Java, no Kafka: it can sit behind any source of {@link Event}s.
 *
 * <ul>
 *   <li>An event whose id was seen before is dropped.
 *   <li>Per stream (the event's subject), events are passed on in {@code streamVersion} order. The first version
 *       seen of a stream is taken as its start; a version at or below the last one passed on is a replay and is
 *       dropped; a version beyond the next one is held until the missing ones arrive.
 *   <li>Holding is bounded: when a stream holds more than {@link Limits#maxHeldPerStream()} events, or one has
 *       been held longer than {@link Limits#maxHoldTime()} (checked by {@link #releaseOverdue()}), the held events
 *       are passed on anyway and the missing versions reported as a {@link Gap}.
 *   <li>Events without a {@code streamVersion} are passed through, deduplicated by id only.
 * </ul>
 *
 * <p>Memory is bounded: ids and streams are remembered up to {@link Limits}, the least recent forgotten first (a
 * stream holding events is kept). A forgotten stream starts again at the next version seen. Not thread-safe.
 */
public final class OrderedDeduplicator {

    /**
     * How much is remembered and how long an event is held.
     *
     * @param rememberedIds     event ids remembered to drop duplicates
     * @param rememberedStreams streams whose last version is remembered
     * @param maxHeldPerStream  events one stream may hold while waiting for a missing version
     * @param maxHoldTime       how long an event may be held waiting for a missing version
     */
    public record Limits(int rememberedIds, int rememberedStreams, int maxHeldPerStream, Duration maxHoldTime) {
        /** 100 000 ids and streams, 1 000 events held per stream for at most 30 seconds. */
        public static Limits defaults() {
            return new Limits(100_000, 100_000, 1_000, Duration.ofSeconds(30));
        }
    }

    /** Versions {@code firstMissing} to {@code lastMissing} of a stream never arrived in time and were skipped. */
    public record Gap(String subject, long firstMissing, long lastMissing) {}

    private final Limits limits;
    private final Clock clock;
    private final Consumer<Gap> gaps;
    private final Set<String> seenIds;
    private final Map<String, Stream> streams;
    private final Set<String> streamsHolding = new LinkedHashSet<>();

    /**
     * @param limits what is remembered and held
     * @param clock  tells how long an event has been held
     * @param gaps   told of every run of versions skipped
     */
    public OrderedDeduplicator(Limits limits, Clock clock, Consumer<Gap> gaps) {
        this.limits = limits;
        this.clock = clock;
        this.gaps = gaps;
        this.seenIds = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > limits.rememberedIds();
            }
        });
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stream> eldest) {
                return size() > limits.rememberedStreams() && eldest.getValue().held.isEmpty();
            }
        };
    }

    /** Takes one event in; answers the events now ready to pass on, in order (none, this one, or more). */
    public List<Event> accept(Event event) {
        if (!seenIds.add(event.id())) {
            return List.of();
        }
        if (event.streamVersion() == null || event.subject() == null) {
            return List.of(event);
        }
        long version = event.streamVersion();
        Stream stream = streams.get(event.subject());
        if (stream == null) {
            streams.put(event.subject(), new Stream(event.subject(), version));
            return List.of(event);
        }
        if (version <= stream.lastPassed || stream.held.containsKey(version)) {
            return List.of();
        }
        List<Event> ready = new ArrayList<>();
        if (version == stream.lastPassed + 1) {
            stream.lastPassed = version;
            ready.add(event);
            stream.releaseContiguous(ready);
        } else {
            stream.held.put(version, new Held(event, clock.instant()));
            if (stream.held.size() > limits.maxHeldPerStream()) {
                stream.skipGapsWhile(ready, held -> held.size() > limits.maxHeldPerStream());
            }
        }
        noteHolding(stream);
        return ready;
    }

    /** Passes on, with their gaps reported, the events held longer than the hold time; call it now and then. */
    public List<Event> releaseOverdue() {
        Instant heldSinceAtLatest = clock.instant().minus(limits.maxHoldTime());
        List<Event> ready = new ArrayList<>();
        for (String subject : List.copyOf(streamsHolding)) {
            Stream stream = streams.get(subject);
            stream.skipGapsWhile(ready, held -> held.values().stream()
                    .anyMatch(waiting -> !waiting.since.isAfter(heldSinceAtLatest)));
            noteHolding(stream);
        }
        return ready;
    }

    /** The events held back waiting for a missing version: not passed on yet, so their offsets are not done. */
    public Collection<Event> held() {
        List<Event> held = new ArrayList<>();
        for (String subject : streamsHolding) {
            streams.get(subject).held.values().forEach(waiting -> held.add(waiting.event));
        }
        return held;
    }

    private void noteHolding(Stream stream) {
        if (stream.held.isEmpty()) {
            streamsHolding.remove(stream.subject);
        } else {
            streamsHolding.add(stream.subject);
        }
    }

    private record Held(Event event, Instant since) {}

    /** What is known of one stream: the last version passed on and the later ones waiting. */
    private final class Stream {
        final String subject;
        long lastPassed;
        final TreeMap<Long, Held> held = new TreeMap<>();

        Stream(String subject, long firstVersion) {
            this.subject = subject;
            this.lastPassed = firstVersion;
        }

        void releaseContiguous(List<Event> ready) {
            while (!held.isEmpty() && held.firstKey() == lastPassed + 1) {
                ready.add(held.pollFirstEntry().getValue().event);
                lastPassed++;
            }
        }

        /** While the condition holds, gives up on the first missing run of versions and passes on what follows it. */
        void skipGapsWhile(List<Event> ready, Predicate<TreeMap<Long, Held>> condition) {
            while (!held.isEmpty() && condition.test(held)) {
                long next = held.firstKey();
                gaps.accept(new Gap(subject, lastPassed + 1, next - 1));
                lastPassed = next - 1;
                releaseContiguous(ready);
            }
        }
    }
}
