package eu.dpaledger.platform.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.contracts.CheckpointSignedPublished;
import eu.dpaledger.platform.eventstore.EventMetadata;
import eu.dpaledger.platform.eventstore.EventStore;
import eu.dpaledger.platform.json.CanonicalJson;
import eu.dpaledger.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed checkpoints (docs/EVIDENCE.md "Checkpoints"): the service signs the heads (version and hash) of its streams
 * that changed since they were last signed, as a JWS with its active key, periodically and on demand. A checkpoint is
 * itself an event ({@code CheckpointSigned}, stream {@code checkpoint-<id>}) on the service's topic, so it reaches
 * both parties; an operator who later rewrites a stream and recomputes its hashes cannot make the signed heads agree.
 */
@ApplicationScoped
public class Checkpoints {

    public static final String STREAM_TYPE = "checkpoint";
    public static final String EVENT_TYPE = "CheckpointSigned";

    @Inject
    Pool pool;

    @Inject
    SigningKeys keys;

    @Inject
    EventStore store;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dpa.service.name")
    String service;

    /** One signed head. */
    public record Head(String streamId, String streamType, long version, String hash) {
    }

    /** A checkpoint as signed: its id, key, time, the heads and the JWS over them. */
    public record Checkpoint(String checkpointId, String kid, Instant signedAt, List<Head> heads, String jws) {
    }

    /** Signs the heads of every stream not signed at its current version; empty when there is none. */
    public Uni<Optional<Checkpoint>> signAll() {
        return pool.withTransaction(tx -> sign(tx, null)).invoke(c -> c.ifPresent(x -> relay.trigger()));
    }

    /**
     * Signs the heads of these streams (all when null) not signed at their current version, in {@code tx}; empty when
     * there is none.
     */
    public Uni<Optional<Checkpoint>> sign(SqlClient tx, List<String> streamIds) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.preparedQuery("SELECT h.stream_id, h.stream_type, h.version, h.hash FROM ("
                        + "SELECT DISTINCT ON (stream_id) stream_id, stream_type, version, hash FROM events "
                        + "WHERE ($1::text[] IS NULL OR stream_id = ANY($1)) AND stream_type <> '" + STREAM_TYPE + "' "
                        + "ORDER BY stream_id, version DESC) h "
                        + "WHERE NOT EXISTS (SELECT 1 FROM checkpoint_heads c WHERE c.stream_id = h.stream_id AND c.version = h.version) "
                        + "ORDER BY h.stream_id")
                .execute(Tuple.of(streamIds == null ? null : streamIds.toArray(String[]::new)))
                .flatMap(rows -> {
                    List<Head> heads = new ArrayList<>();
                    for (Row r : rows) {
                        heads.add(new Head(r.getString("stream_id"), r.getString("stream_type"), r.getLong("version"), r.getString("hash")));
                    }
                    if (heads.isEmpty()) {
                        return Uni.createFrom().item(Optional.<Checkpoint>empty());
                    }
                    return keys.active(tx, now).flatMap(key -> record(tx, key, heads, now)).map(Optional::of);
                });
    }

    /** The checkpoints that sign a head of this stream, oldest first. */
    public Uni<List<EvidenceBundle.SignedCheckpoint>> covering(SqlClient client, String streamId) {
        return client.preparedQuery("SELECT c.checkpoint_id, c.jws FROM checkpoints c JOIN checkpoint_heads h USING (checkpoint_id) "
                        + "WHERE h.stream_id = $1 ORDER BY c.signed_at, c.checkpoint_id")
                .execute(Tuple.of(streamId))
                .map(rows -> {
                    List<EvidenceBundle.SignedCheckpoint> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new EvidenceBundle.SignedCheckpoint(r.getUUID("checkpoint_id").toString(), r.getString("jws")));
                    }
                    return out;
                });
    }

    private Uni<Checkpoint> record(SqlClient tx, SigningKeys.Active key, List<Head> heads, Instant now) {
        String id = UUID.randomUUID().toString();
        ObjectNode payload = mapper.createObjectNode().put("checkpointId", id).put("service", service).put("signedAt", now.toString());
        ArrayNode list = payload.putArray("heads");
        heads.forEach(h -> list.addObject().put("streamId", h.streamId()).put("streamType", h.streamType())
                .put("version", h.version()).put("hash", h.hash()));
        String jws = SigningKeys.sign(key, CanonicalJson.write(payload));
        Checkpoint checkpoint = new Checkpoint(id, key.kid(), now, heads, jws);
        List<Tuple> headRows = heads.stream().map(h -> Tuple.tuple(Arrays.asList(UUID.fromString(id), h.streamId(), h.version(), h.hash())))
                .toList();
        CheckpointSignedPublished.Checkpoint contract = new CheckpointSignedPublished.Checkpoint(id, key.kid(), now, heads.size(), jws);
        ObjectNode event = mapper.valueToTree(contract);
        ObjectNode published = mapper.valueToTree(new CheckpointSignedPublished(id, service, 1, contract));
        return tx.preparedQuery("INSERT INTO checkpoints (checkpoint_id, kid, jws, signed_at) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(UUID.fromString(id), key.kid(), jws, now.atOffset(ZoneOffset.UTC)))
                .flatMap(x -> tx.preparedQuery("INSERT INTO checkpoint_heads (checkpoint_id, stream_id, version, hash) VALUES ($1, $2, $3, $4)")
                        .executeBatch(headRows))
                .flatMap(x -> store.appendNewStream(tx, "checkpoint-" + id, STREAM_TYPE, EVENT_TYPE, event, published,
                        EventMetadata.system("checkpoints", id, id), now))
                .replaceWith(checkpoint);
    }
}
