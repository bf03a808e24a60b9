package eu.dpaledger.platform.projection;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Rebuilds one read model from scratch: empties it and its applied-event bookkeeping in one
 * transaction, then replays its topics from the beginning up to the offsets current at the start,
 * each polled batch in one transaction (like the live runner; a batch that fails is applied event by
 * event, so only what cannot be applied is skipped).
 * The live consumer keeps running meanwhile; handlers write with version guards and the applied-event
 * table deduplicates, so the two cannot double-apply or regress a row. Blocking: call off the event loop.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);

    @Inject
    Pool pool;

    @Inject
    ProjectionRunner runner;

    @Inject
    @Any
    Instance<ProjectionHandler> handlers;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Result of a rebuild: how many messages were read and how many the projection applied or skipped as poison. */
    public record Rebuilt(String projection, int messagesRead, int poisonSkipped) {
    }

    public Optional<ProjectionHandler> find(String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return handlers.stream().map(ProjectionHandler::name).sorted().toList();
    }

    public Rebuilt rebuild(ProjectionHandler handler) {
        pool.withTransaction(tx -> handler.reset(tx)
                        .flatMap(x -> tx.preparedQuery("DELETE FROM projection_applied_events WHERE projection = $1")
                                .execute(Tuple.of(handler.name()))))
                .await().atMost(Duration.ofSeconds(30));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        int read = 0;
        int poison = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : handler.topics()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                List<IncomingEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    try {
                        batch.add(CloudEventRecords.parse(runner.mapper(), record.topic(), record.value(),
                                ProjectionRunner.headers(record.headers())));
                    } catch (RuntimeException e) {
                        // The live consumer already sent this one to the dead-letter topic.
                        poison++;
                    }
                }
                poison += applyBatch(handler, batch);
            }
        }
        LOG.infof("projection %s rebuilt from %d messages (%d skipped as poison)", handler.name(), read, poison);
        return new Rebuilt(handler.name(), read, poison);
    }

    /** Applies a polled batch in one transaction, or event by event when that fails; returns how many never applied. */
    private int applyBatch(ProjectionHandler handler, List<IncomingEvent> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            runner.applyAll(handler, batch).await().atMost(Duration.ofSeconds(60));
            return 0;
        } catch (RuntimeException batchFailed) {
            int poison = 0;
            for (IncomingEvent event : batch) {
                try {
                    runner.apply(handler, event).await().atMost(Duration.ofSeconds(30));
                } catch (RuntimeException e) {
                    // The live consumer already sent this one to the dead-letter topic.
                    poison++;
                }
            }
            return poison;
        }
    }
}
