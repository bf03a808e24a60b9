package eu.dpaledger.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads dpa-ledger's topics ({@code dpa.agreements}, {@code dpa.subprocessors}, {@code dpa.breaches},
 * {@code dpa.audits}) and hands each stream's events to a sink once and in order, at least once.
 *
 * <p><strong>The tenancy rule.</strong> These topics carry every organisation's events. Reading them directly is
 * for the operator's own integrations (reporting, archives, a SIEM). Organisations, controllers and processors
 * alike, subscribe through webhooks, which are filtered to their own agreements. Never hand a controller Kafka
 * credentials to these topics.
 *
 * <p>Records are CloudEvents in Kafka's binary mode: the attributes in {@code ce_*} headers, the data as the
 * JSON value, the stream id as the key. A stream's records are on one partition in order, yet a consumer sees
 * some again after a rebalance, a restart or a replay: an {@link OrderedDeduplicator} drops those.
 *
 * <p>Offsets are committed by hand after the sink has had the events ({@code enable.auto.commit=false}): a crash
 * before the commit brings the events again, never loses them. An offset is not committed past an event the
 * deduplicator still holds back, so a restart reads that event again too. A record that is not a CloudEvent
 * (no {@code ce_id}, {@code ce_type}, or a value that is not JSON) is logged and skipped: it would never become
 * readable by waiting.
 */
public final class EventConsumer implements AutoCloseable {
    /** All four of dpa-ledger's event topics. */
    public static final List<String> ALL_TOPICS =
            List.of("dpa.agreements", "dpa.subprocessors", "dpa.breaches", "dpa.audits");

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafka;
    private final OrderedDeduplicator deduplicator;
    private final Consumer<Event> sink;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    /**
     * Subscribes to the topics; nothing is read before {@link #pollOnce(Duration)}.
     *
     * @param bootstrapServers e.g. {@code 127.0.0.1:9092}
     * @param groupId          the consumer group: its committed offsets are where a restart resumes
     * @param topics           e.g. {@link #ALL_TOPICS}
     * @param deduplicator     drops duplicates and orders each stream
     * @param sink             gets each event once, in stream order
     */
    public EventConsumer(
            String bootstrapServers,
            String groupId,
            Collection<String> topics,
            OrderedDeduplicator deduplicator,
            Consumer<Event> sink) {
        this(new KafkaConsumer<>(settings(bootstrapServers, groupId), new StringDeserializer(),
                new ByteArrayDeserializer()), topics, deduplicator, sink);
    }

    EventConsumer(
            org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafka,
            Collection<String> topics,
            OrderedDeduplicator deduplicator,
            Consumer<Event> sink) {
        this.kafka = kafka;
        this.deduplicator = deduplicator;
        this.sink = sink;
        kafka.subscribe(topics);
    }

    private static Properties settings(String bootstrapServers, String groupId) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts at the beginning: every stream from its first event.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }

    /**
     * Reads what arrived within the timeout, hands the ready events to the sink, then commits.
     *
     * @return how many events the sink got
     */
    public int pollOnce(Duration timeout) {
        int handedOn = 0;
        for (ConsumerRecord<String, byte[]> record : kafka.poll(timeout)) {
            Event event = toEvent(record);
            if (event != null) {
                handedOn += handOn(deduplicator.accept(event));
            }
        }
        handedOn += handOn(deduplicator.releaseOverdue());
        commit();
        return handedOn;
    }

    /** Makes a {@link #pollOnce(Duration)} under way, or the next one, throw {@code WakeupException}: how another thread stops the loop. */
    public void wakeup() {
        kafka.wakeup();
    }

    @Override
    public void close() {
        kafka.close();
    }

    private int handOn(List<Event> events) {
        events.forEach(sink);
        return events.size();
    }

    /** Commits, per partition, up to what was read but not past the first event still held back. */
    private void commit() {
        Map<TopicPartition, Long> firstHeld = new HashMap<>();
        for (Event held : deduplicator.held()) {
            firstHeld.merge(new TopicPartition(held.topic(), held.partition()), held.offset(), Math::min);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : kafka.assignment()) {
            long next = Math.min(kafka.position(partition), firstHeld.getOrDefault(partition, Long.MAX_VALUE));
            if (!Long.valueOf(next).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        if (!offsets.isEmpty()) {
            kafka.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        }
    }

    private Event toEvent(ConsumerRecord<String, byte[]> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            log.warn("skipped {}-{}@{}: not a CloudEvent (no ce_id or ce_type)", record.topic(), record.partition(),
                    record.offset());
            return null;
        }
        JsonNode data;
        try {
            data = json.readTree(record.value() == null ? new byte[0] : record.value());
        } catch (IOException e) {
            log.warn("skipped {}-{}@{} ({}): the value is not JSON", record.topic(), record.partition(), record.offset(),
                    id);
            return null;
        }
        JsonNode streamVersion = data == null ? null : data.get("streamVersion");
        String subject = header(record, "ce_subject");
        return new Event(
                id,
                type,
                subject != null ? subject : record.key(),
                header(record, "ce_source"),
                header(record, "ce_time"),
                streamVersion != null && streamVersion.isIntegralNumber() ? streamVersion.longValue() : null,
                header(record, "ce_correlationid"),
                data,
                record.topic(),
                record.partition(),
                record.offset());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
