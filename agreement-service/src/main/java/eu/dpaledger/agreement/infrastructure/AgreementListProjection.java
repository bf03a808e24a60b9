package eu.dpaledger.agreement.infrastructure;

import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Set;

/**
 * The agreement list (GET /agreements), fed from {@code dpa.agreements}. Every event carries the
 * agreement's summary after it, so a row is an upsert guarded by the stream version: an older event
 * (replayed during a rebuild, or redelivered) never overwrites a newer row.
 */
@ApplicationScoped
public class AgreementListProjection implements ProjectionHandler {

    public static final String TOPIC = AgreementPublished.TOPIC;

    @Override
    public String name() {
        return "agreement-list";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (AgreementEventTypes.isKnown(ceType)) {
            return Interest.APPLY;
        }
        return AssistanceEventTypes.ALL.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AgreementPublished.of(event)).flatMap(a -> upsert(tx, a, event));
    }

    private static Uni<Void> upsert(SqlClient tx, AgreementPublished a, IncomingEvent event) {
        Tuple values = Tuple.tuple(Arrays.asList(a.agreementId(), a.streamVersion(), a.agreement().status(), a.controllerOrg(),
                a.agreement().controller().name(), a.processorOrg(), a.agreement().processor().name(), a.agreement().assignment(),
                a.agreement().highestInformationClass(),
                a.agreement().settings() == null ? null : a.agreement().settings().supervisoryAuthority(), event.time().atOffset(ZoneOffset.UTC),
                signed(event).toString(), voided(event)));
        return tx.preparedQuery("INSERT INTO agreement_list (agreement_id, stream_version, status, controller_org, "
                        + "controller_name, processor_org, processor_name, assignment, highest_class, supervisory_authority, "
                        + "created_at, updated_at, signers) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12::text::jsonb) "
                        + "ON CONFLICT (agreement_id) DO UPDATE SET stream_version = excluded.stream_version, "
                        + "status = excluded.status, controller_org = excluded.controller_org, "
                        + "controller_name = excluded.controller_name, processor_org = excluded.processor_org, "
                        + "processor_name = excluded.processor_name, assignment = excluded.assignment, "
                        + "highest_class = excluded.highest_class, supervisory_authority = excluded.supervisory_authority, "
                        + "updated_at = excluded.updated_at, signers = (agreement_list.signers - $13::text[]) || excluded.signers "
                        + "WHERE agreement_list.stream_version < excluded.stream_version")
                .execute(values).replaceWithVoid();
    }

    /**
     * The signature this event adds, by party: {@code {"CONTROLLER": {"name": ..., "signedAt": ...}}}. The name is
     * the sealed token as published; {@link AgreementReadModel} opens it on read.
     */
    private static ObjectNode signed(IncomingEvent event) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (event.type().equals(AgreementPublished.TYPE_PREFIX + "AgreementSigned.v1")) {
            JsonNode e = event.data().path("event");
            out.putObject(e.path("party").asText()).put("name", e.path("signerName").asText())
                    .put("signedAt", e.path("at").asText());
        }
        return out;
    }

    /** The parties whose signatures this event voids (the draft's content changed under them). */
    private static String[] voided(IncomingEvent event) {
        List<String> out = new ArrayList<>();
        if (event.type().equals(AgreementPublished.TYPE_PREFIX + "SignaturesVoided.v1")) {
            event.data().path("event").path("voided").forEach(p -> out.add(p.asText()));
        }
        return out.toArray(String[]::new);
    }

    /** One statement per event, correct in any interleaving (version guard / insert-if-absent / a sum). */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM agreement_list").execute().replaceWithVoid();
    }
}
