package eu.dpaledger.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer over Kafka's {@link MockConsumer}: headers read, events handed on, offsets committed after. */
class EventConsumerTest {
    private static final TopicPartition BREACHES = new TopicPartition("dpa.breaches", 0);

    private final MockConsumer<String, byte[]> kafka = new MockConsumer<>("earliest");
    private final List<Event> handedOn = new ArrayList<>();
    private EventConsumer consumer;

    @BeforeEach
    void subscribe() {
        consumer = new EventConsumer(kafka, List.of(BREACHES.topic()),
                new OrderedDeduplicator(OrderedDeduplicator.Limits.defaults(), Clock.systemUTC(), gap -> {}),
                handedOn::add);
        kafka.rebalance(List.of(BREACHES));
        kafka.updateBeginningOffsets(Map.of(BREACHES, 0L));
    }

    @Test
    void a_record_becomes_an_event_from_its_ce_headers_and_json_value_and_its_offset_is_committed() {
        String id = UUID.randomUUID().toString();
        kafka.addRecord(record(0, id, "breach-1", 1));

        assertEquals(1, consumer.pollOnce(Duration.ZERO));

        Event event = handedOn.get(0);
        assertEquals(id, event.id());
        assertEquals("eu.dpaledger.breach.BreachReported.v1", event.type());
        assertEquals("breach-1", event.subject());
        assertEquals("/breach-service", event.source());
        assertEquals(1L, event.streamVersion());
        assertEquals("corr-1", event.correlationId());
        assertEquals("agreement-1", event.data().path("agreementId").textValue());
        assertEquals(0L, event.offset());
        assertEquals(1L, committedOffset());
    }

    @Test
    void a_record_read_again_is_not_handed_on_again() {
        String id = UUID.randomUUID().toString();
        kafka.addRecord(record(0, id, "breach-1", 1));
        kafka.addRecord(record(1, id, "breach-1", 1));

        assertEquals(1, consumer.pollOnce(Duration.ZERO));
        assertEquals(2L, committedOffset());
    }

    @Test
    void the_offset_is_not_committed_past_an_event_held_back() {
        kafka.addRecord(record(0, UUID.randomUUID().toString(), "breach-1", 1));
        kafka.addRecord(record(1, UUID.randomUUID().toString(), "breach-1", 3));
        kafka.addRecord(record(2, UUID.randomUUID().toString(), "breach-2", 1));

        assertEquals(2, consumer.pollOnce(Duration.ZERO));
        assertEquals(1L, committedOffset(), "version 3 waits for 2: a restart must read it again");
    }

    @Test
    void a_record_that_is_not_a_cloud_event_is_skipped() {
        kafka.addRecord(new ConsumerRecord<>(BREACHES.topic(), 0, 0, "breach-1",
                "{}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, consumer.pollOnce(Duration.ZERO));
        assertEquals(1L, committedOffset());
    }

    private long committedOffset() {
        return kafka.committed(Set.of(BREACHES)).get(BREACHES).offset();
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String id, String subject, long streamVersion) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_source", bytes("/breach-service"));
        headers.add("ce_type", bytes("eu.dpaledger.breach.BreachReported.v1"));
        headers.add("ce_subject", bytes(subject));
        headers.add("ce_time", bytes("2026-12-01T10:00:00Z"));
        headers.add("ce_correlationid", bytes("corr-1"));
        byte[] value = bytes("{\"breachId\":\"%s\",\"streamVersion\":%d,\"agreementId\":\"agreement-1\"}"
                .formatted(subject, streamVersion));
        return new ConsumerRecord<>(BREACHES.topic(), BREACHES.partition(), offset, 0L, TimestampType.CREATE_TIME,
                -1, -1, subject, value, headers, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
