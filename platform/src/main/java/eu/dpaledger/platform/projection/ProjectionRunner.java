package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Feeds every {@link ProjectionHandler} of the service from the {@code dpa-projections} channel.
 * Each handler applies an event at most once: the event id is recorded as applied in the same
 * transaction as the read-model change. A message no handler can take, or one whose handler fails,
 * is nacked: the channel's {@code dead-letter-queue} strategy moves it to the dead-letter topic with
 * the reason, and consumption carries on. A transient failure (database unreachable, deadlock) is
 * retried with back-off first, so an outage does not empty the topic into the dead-letter queue.
 */
@ApplicationScoped
public class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    private static final java.time.Duration RETRY_FIRST_BACKOFF = java.time.Duration.ofMillis(200);
    private static final java.time.Duration RETRY_MAX_BACKOFF = java.time.Duration.ofSeconds(10);
    private static final int RETRY_ATTEMPTS = 30;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    @Any
    Instance<ProjectionHandler> handlers;

    @Incoming("dpa-projections")
    public Uni<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        Uni<Void> work;
        try {
            String topic = kafka == null ? null : kafka.getTopic();
            IncomingEvent event = CloudEventRecords.parse(mapper, topic, message.getPayload(),
                    kafka == null ? Map.of() : headers(kafka.getHeaders()));
            // Infrastructure hiccups are retried with back-off; only what can never apply is dead-lettered.
            work = apply(event).onFailure(TransientFailures::isTransient)
                    .retry().withBackOff(RETRY_FIRST_BACKOFF, RETRY_MAX_BACKOFF).atMost(RETRY_ATTEMPTS);
        } catch (RuntimeException e) {
            work = Uni.createFrom().failure(e);
        }
        return work.onItemOrFailure().transformToUni((ok, failure) -> {
            if (failure == null) {
                return Uni.createFrom().completionStage(message.ack());
            }
            LOG.warnf("event sent to the dead-letter topic: %s", failure.getMessage());
            return Uni.createFrom().completionStage(message.nack(failure));
        });
    }

    /** Applies one event to every interested projection, at most once each. */
    public Uni<Void> apply(IncomingEvent event) {
        // Only projections that read this topic have a say in what the event is.
        List<ProjectionHandler> readers = handlers.stream().filter(h -> h.topics().contains(event.topic())).toList();
        List<ProjectionHandler> interested = readers.stream()
                .filter(h -> h.interestIn(event.topic(), event.type()) == ProjectionHandler.Interest.APPLY)
                .collect(Collectors.toList());
        if (interested.isEmpty()) {
            boolean known = readers.stream()
                    .anyMatch(h -> h.interestIn(event.topic(), event.type()) == ProjectionHandler.Interest.IGNORE);
            return known ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new PoisonMessageException("unknown event type " + event.type()));
        }
        return pool.withTransaction(tx -> applyAll(tx, interested, 0, event));
    }

    /** Applies one event to one projection (used by the rebuild). */
    public Uni<Void> apply(ProjectionHandler handler, IncomingEvent event) {
        if (handler.interestIn(event.topic(), event.type()) != ProjectionHandler.Interest.APPLY) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> applyAll(tx, List.of(handler), 0, event));
    }

    private Uni<Void> applyAll(SqlClient tx, List<ProjectionHandler> interested, int index, IncomingEvent event) {
        if (index == interested.size()) {
            return Uni.createFrom().voidItem();
        }
        ProjectionHandler handler = interested.get(index);
        return tx.preparedQuery("INSERT INTO projection_applied_events (projection, event_id) VALUES ($1, $2) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(handler.name(), event.id()))
                .flatMap(rows -> rows.rowCount() == 1 ? handler.apply(tx, event) : Uni.createFrom().voidItem())
                .flatMap(x -> applyAll(tx, interested, index + 1, event));
    }

    static Map<String, String> headers(Headers headers) {
        Map<String, String> out = new HashMap<>();
        for (Header h : headers) {
            out.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
