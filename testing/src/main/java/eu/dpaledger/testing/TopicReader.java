package eu.dpaledger.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads (and for poison-message tests, writes) raw records on the test broker, as an outside consumer would. */
public final class TopicReader {

    /** One record as seen on the wire: key, value and headers (CloudEvents binary mode puts {@code ce_*} there). */
    public record Received(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {
        public String header(String name) { return headers.get(name); }
        public String ceId() { return headers.get("ce_id"); }
        public String ceType() { return headers.get("ce_type"); }
    }

    private TopicReader() {
    }

    /** Every record currently on {@code topic}, from the beginning. */
    public static List<Received> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Received> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(10);
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    out.add(new Received(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers));
                }
            }
        }
        return out;
    }

    /** Records on {@code topic} matching {@code filter}. */
    public static List<Received> readAll(String topic, Predicate<Received> filter) {
        return readAll(topic).stream().filter(filter).collect(Collectors.toList());
    }

    /**
     * Writes raw records with one key in one produce request (appended together, so a consumer fetches them together:
     * one batch for the projection runner), each value with its headers.
     */
    public static void writeAll(String topic, String key, List<Map.Entry<String, Map<String, String>>> records) {
        // Sent together on the flush below, not one by one.
        try (KafkaProducer<String, String> producer = producer(1000)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> r : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, r.getKey());
                r.getValue().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    /** Writes a raw record (e.g. a poison message) with the given headers. */
    public static void write(String topic, String key, String value, Map<String, String> headers) {
        write(topic, key, value, headers, null);
    }

    /** Writes a raw record with the given headers and record timestamp (null: now), e.g. one published long ago. */
    public static void write(String topic, String key, String value, Map<String, String> headers, java.time.Instant timestamp) {
        try (KafkaProducer<String, String> producer = producer(0)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                    timestamp == null ? null : timestamp.toEpochMilli(), key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    /** A producer of strings to the test broker, acknowledged by every replica, holding records up to {@code lingerMs}. */
    private static KafkaProducer<String, String> producer(int lingerMs) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        return new KafkaProducer<>(props);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
