package eu.dpaledger.platform.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.contracts.EvidenceBundleExportedPublished;
import eu.dpaledger.platform.eventstore.EventMetadata;
import eu.dpaledger.platform.eventstore.EventStore;
import eu.dpaledger.platform.eventstore.StoredEvent;
import eu.dpaledger.platform.outbox.OutboxRelay;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The evidence bundle of one stream (docs/EVIDENCE.md "Evidence bundle", format 1): every event with payload, metadata,
 * previous hash and hash as stored, the signed checkpoints that cover the stream (a head not yet signed is signed on
 * the spot), the service's public keys, and where the rules are written. Anyone can check it offline with the
 * evidence-verifier. Each export is recorded as an {@code EvidenceBundleExported} event (who, which stream, which head).
 * The caller must have been allowed to read the stream (the service's resource checks it first: otherwise 404).
 */
@ApplicationScoped
public class EvidenceBundles {

    public static final String FORMAT = "dpa-ledger-evidence-bundle";
    public static final int FORMAT_VERSION = 1;
    public static final String STREAM_TYPE = "evidenceexport";
    public static final String EVENT_TYPE = "EvidenceBundleExported";

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    @Inject
    Checkpoints checkpoints;

    @Inject
    SigningKeys keys;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dpa.service.name")
    String service;

    /** The bundle of {@code streamId} as a download ({@code <streamType>-<id>-evidence.json}), its export recorded. */
    public Uni<Response> download(String streamId, Caller caller) {
        return export(streamId, caller).map(bundle -> Response.ok(bundle)
                .header("Content-Disposition", "attachment; filename=\"" + bundle.subject().streamType() + "-" + streamId + "-evidence.json\"")
                .build());
    }

    public Uni<EvidenceBundle> export(String streamId, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(tx -> checkpoints.sign(tx, List.of(streamId))
                        .flatMap(x -> store.load(tx, streamId))
                        .flatMap(events -> checkpoints.covering(tx, streamId)
                                .flatMap(covering -> keys.jwks(tx)
                                        .flatMap(jwks -> record(tx, streamId, events, caller, now)
                                                .map(exportId -> bundle(exportId, streamId, events, covering, jwks, caller, now))))))
                .invoke(x -> relay.trigger());
    }

    private EvidenceBundle bundle(String exportId, String streamId, List<StoredEvent> events, List<EvidenceBundle.SignedCheckpoint> covering,
                                  SigningKeys.JwkSet jwks, Caller caller, Instant now) {
        String streamType = events.get(0).streamType();
        List<EvidenceBundle.Event> list = events.stream().map(e -> new EvidenceBundle.Event(e.eventId().toString(), e.version(), e.type(),
                e.schemaVersion(), e.payload(), e.metadata(), e.occurredAt().toString(), e.previousHash(), e.hash())).toList();
        return new EvidenceBundle(FORMAT, FORMAT_VERSION, "docs/EVIDENCE.md, format 1: canonical JSON, event hash, chain, checkpoints",
                EvidenceBundle.Rules.FORMAT_1, service, exportId, now.toString(), new EvidenceBundle.ExportedBy(caller.subject(), caller.organisation()),
                new EvidenceBundle.StreamRef(streamId, streamType), List.of(new EvidenceBundle.Stream(streamId, streamType, list)),
                covering, jwks);
    }

    private Uni<String> record(SqlClient tx, String streamId, List<StoredEvent> events, Caller caller, Instant now) {
        String exportId = UUID.randomUUID().toString();
        StoredEvent head = events.get(events.size() - 1);
        EvidenceBundleExportedPublished.Export contract = new EvidenceBundleExportedPublished.Export(exportId, streamId,
                head.streamType(), head.version(), head.hash(), caller.subject(), caller.organisation(), now);
        ObjectNode payload = mapper.valueToTree(contract);
        ObjectNode published = mapper.valueToTree(new EvidenceBundleExportedPublished(exportId, service, 1, contract));
        EventMetadata metadata = new EventMetadata(caller.subject(), caller.organisation(), caller.roles().stream().sorted().toList(),
                exportId, exportId, null);
        return store.appendNewStream(tx, "export-" + exportId, STREAM_TYPE, EVENT_TYPE, payload, published, metadata, now)
                .replaceWith(exportId);
    }
}
