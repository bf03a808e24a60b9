package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead letters of this service's projections, kept in its database (table {@code dead_letters}, kernel V7) so that
 * an operator can handle them: list, inspect (headers and payload as received), replay (apply the record again, once the
 * cause is mended) and discard (with a reason). Every inspection, replay and discard is recorded with who did it and when
 * ({@code dead_letter_actions}); a replay or discard settles the letter once, a second one is refused. The dead-letter
 * topic still receives each record, as before, for whoever follows it there.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    /** A letter is open until replayed or discarded. */
    public enum DeadLetterStatus { OPEN, REPLAYED, DISCARDED }

    /** One record a projection could not apply ({@code projection} null: it could not be read as an event at all). */
    public record DeadLetter(long id, String projection, String topic, int partition, long offset, String key,
                         String eventId, String eventType, String reason, Instant deadLetteredAt, DeadLetterStatus status,
                         Instant handledAt, String handledBy) {
    }

    /** An inspection, replay or discard of a letter: who, when, what came of it and the reason or error. */
    public record DeadLetterAction(String action, String outcome, String actor, String note, Instant at) {
    }

    /** A letter with the record as received and what was done with it so far. */
    public record DeadLetterDetail(DeadLetter letter, Map<String, String> headers, String payload, List<DeadLetterAction> actions) {
    }

    /** What the runner keeps of a record it dead-letters. */
    record Kept(String projection, String topic, int partition, long offset, String key, Map<String, String> headers,
                String payload, String reason) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionRunner runner;

    @Inject
    ProjectionRebuilder projections;

    /** Keeps the records on {@code client}; a record kept before for the same projection (a redelivery) is kept once. */
    Uni<Void> keep(SqlClient client, List<Kept> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (Kept k : records) {
            Map<String, Object> headers = new LinkedHashMap<>();
            k.headers().forEach((name, value) -> headers.put(storable(name), storable(value)));
            rows.add(Tuple.tuple().addValue(k.projection()).addValue(k.topic()).addValue(k.partition()).addValue(k.offset())
                    .addValue(storable(k.key())).addValue(new JsonObject(headers)).addValue(storable(k.payload()))
                    .addValue(storable(k.headers().get("ce_id"))).addValue(storable(k.headers().get("ce_type")))
                    .addValue(storable(k.reason())));
        }
        return client.preparedQuery("INSERT INTO dead_letters (projection, topic, kafka_partition, kafka_offset, record_key, "
                        + "headers, payload, event_id, event_type, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                        + "ON CONFLICT (coalesce(projection, ''), topic, kafka_partition, kafka_offset) DO NOTHING")
                .executeBatch(rows).replaceWithVoid();
    }

    /**
     * The text as PostgreSQL can store it: U+0000, which {@code text} and {@code jsonb} refuse, becomes U+FFFD (a record
     * that is poison because of it must still be kept; the dead-letter topic has the bytes as received).
     */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    /** A page of letters, newest first, of one projection and/or one status when given. */
    public Uni<ListPage<DeadLetter>> list(PageRequest page, String projection, DeadLetterStatus status) {
        Long before = page.number(0);
        return pool.preparedQuery("SELECT * FROM dead_letters WHERE ($1::bigint IS NULL OR id < $1) "
                        + "AND ($2::text IS NULL OR projection = $2) AND ($3::text IS NULL OR status = $3) ORDER BY id DESC LIMIT $4")
                .execute(Tuple.of(before, projection, status == null ? null : status.name(), page.fetch()))
                .map(rows -> {
                    List<DeadLetter> letters = new ArrayList<>();
                    rows.forEach(r -> letters.add(letter(r)));
                    return page.page(letters, l -> List.of(l.id()),
                            PageRequest.filters("projection", projection, "status", status));
                });
    }

    /** The letter with its record as received and its actions; the inspection itself is recorded. 404 when unknown. */
    public Uni<DeadLetterDetail> inspect(long id, String actor) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT * FROM dead_letters WHERE id = $1").execute(Tuple.of(id))
                .flatMap(rows -> {
                    Row row = only(rows, id);
                    return record(tx, id, "INSPECT", "DONE", actor, null)
                            .flatMap(x -> actions(tx, id))
                            .map(actions -> new DeadLetterDetail(letter(row), headers(row), row.getString("payload"), actions));
                }));
    }

    /**
     * Applies the letter's record again to its projection (to every projection that applies it, for a record that could
     * not be read before), in one transaction with marking it replayed: either both or neither. An event the projection
     * has applied meanwhile (a rebuild) counts as replayed; it is not applied twice. A replay that fails again is
     * recorded as failed and answered 409 {@code dead-letter-replay-failed} with the error; the letter stays open.
     */
    public Uni<DeadLetterDetail> replay(long id, String actor) {
        Map<String, Integer> tally = new java.util.concurrent.ConcurrentHashMap<>();
        return pool.withTransaction(tx -> open(tx, id).flatMap(row -> {
                    IncomingEvent event = CloudEventRecords.parse(mapper, row.getString("topic"), row.getString("payload"), headers(row));
                    String projection = row.getString("projection");
                    Uni<Void> applied = projection == null ? runner.applyBatch(tx, List.of(event), tally)
                            : runner.applyTo(tx, handler(projection), List.of(event), tally);
                    return applied.flatMap(x -> settle(tx, id, DeadLetterStatus.REPLAYED, actor, null));
                }))
                .invoke(() -> runner.counted(tally))
                .onFailure(failure -> !(failure instanceof HttpProblem))
                .recoverWithUni(failure -> {
                    String error = String.valueOf(failure.getMessage());
                    LOG.warnf("replay of dead letter %d failed: %s", id, error);
                    return pool.withTransaction(tx -> record(tx, id, "REPLAY", "FAILED", actor, error))
                            .flatMap(x -> Uni.createFrom().failure(new HttpProblem(409, "dead-letter-replay-failed",
                                    "The record still cannot be applied", "Dead letter " + id + " was not replayed: " + error
                                    + ". It stays open; mend the cause and replay it again, or discard it.")));
                })
                .flatMap(x -> inspected(id));
    }

    /** Settles the letter as discarded, for the reason given (recorded with the action). */
    public Uni<DeadLetterDetail> discard(long id, String actor, String reason) {
        return pool.withTransaction(tx -> open(tx, id).flatMap(row -> settle(tx, id, DeadLetterStatus.DISCARDED, actor, reason)))
                .flatMap(x -> inspected(id));
    }

    private Uni<DeadLetterDetail> inspected(long id) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT * FROM dead_letters WHERE id = $1").execute(Tuple.of(id))
                .flatMap(rows -> {
                    Row row = only(rows, id);
                    return actions(tx, id).map(actions -> new DeadLetterDetail(letter(row), headers(row), row.getString("payload"), actions));
                }));
    }

    /** The open letter, locked for this transaction; 404 when unknown, 409 {@code dead-letter-handled} when settled. */
    private Uni<Row> open(SqlClient tx, long id) {
        return tx.preparedQuery("SELECT * FROM dead_letters WHERE id = $1 FOR UPDATE").execute(Tuple.of(id)).map(rows -> {
            Row row = only(rows, id);
            if (!DeadLetterStatus.OPEN.name().equals(row.getString("status"))) {
                throw new HttpProblem(409, "dead-letter-handled", "Dead letter already handled", "Dead letter " + id
                        + " was " + row.getString("status").toLowerCase() + " by " + row.getString("handled_by") + " at "
                        + row.getOffsetDateTime("handled_at").toInstant() + "; it is settled once");
            }
            return row;
        });
    }

    private Uni<Void> settle(SqlClient tx, long id, DeadLetterStatus status, String actor, String note) {
        return tx.preparedQuery("UPDATE dead_letters SET status = $2, handled_at = clock_timestamp(), handled_by = $3 WHERE id = $1")
                .execute(Tuple.of(id, status.name(), actor))
                .flatMap(x -> record(tx, id, status == DeadLetterStatus.REPLAYED ? "REPLAY" : "DISCARD", "DONE", actor, note));
    }

    private static Uni<Void> record(SqlClient tx, long id, String action, String outcome, String actor, String note) {
        return tx.preparedQuery("INSERT INTO dead_letter_actions (dead_letter_id, action, outcome, actor, note) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(id, action, outcome, actor, note)).replaceWithVoid();
    }

    private static Uni<List<DeadLetterAction>> actions(SqlClient tx, long id) {
        return tx.preparedQuery("SELECT * FROM dead_letter_actions WHERE dead_letter_id = $1 ORDER BY id").execute(Tuple.of(id))
                .map(rows -> {
                    List<DeadLetterAction> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new DeadLetterAction(r.getString("action"), r.getString("outcome"), r.getString("actor"),
                            r.getString("note"), r.getOffsetDateTime("at").toInstant())));
                    return out;
                });
    }

    private ProjectionHandler handler(String name) {
        return projections.find(name).orElseThrow(() -> new IllegalStateException("this service has no projection " + name + " any more"));
    }

    private static Row only(RowSet<Row> rows, long id) {
        if (!rows.iterator().hasNext()) {
            throw HttpProblem.notFound("Dead letter " + id);
        }
        return rows.iterator().next();
    }

    private Map<String, String> headers(Row row) {
        try {
            return mapper.readValue(row.getJsonObject("headers").encode(), HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + row.getLong("id") + " has unreadable headers", e);
        }
    }

    private static DeadLetter letter(Row r) {
        return new DeadLetter(r.getLong("id"), r.getString("projection"), r.getString("topic"), r.getInteger("kafka_partition"),
                r.getLong("kafka_offset"), r.getString("record_key"), r.getString("event_id"), r.getString("event_type"),
                r.getString("reason"), r.getOffsetDateTime("dead_lettered_at").toInstant(), DeadLetterStatus.valueOf(r.getString("status")),
                r.getOffsetDateTime("handled_at") == null ? null : r.getOffsetDateTime("handled_at").toInstant(),
                r.getString("handled_by"));
    }
}
