package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/**
 * The registry per agreement (art. 6.5), moved by changes that took effect: an ADD engages a
 * sub-processor, a REMOVE marks one removed (kept, with when and by which change), a REPLACE does both.
 * The annex-1 baseline comes from {@link AgreementsProjection}.
 */
@ApplicationScoped
public class RegistryProjection implements ProjectionHandler {

    /** The SQL spelling of {@code SubprocessorDetails.key}: trimmed, inner spaces collapsed, lower case. */
    static final String NAME_KEY_SQL = "lower(regexp_replace(btrim(%s), '\\s+', ' ', 'g'))";

    static final String TOOK_EFFECT = "eu.dpaledger.subprocessor.ChangeTookEffect.v1";
    static final String PROOF_REQUESTED = "eu.dpaledger.subprocessor.FlowDownProofRequested.v1";
    static final String PROOF_PROVIDED = "eu.dpaledger.subprocessor.FlowDownProofProvided.v1";

    @Override
    public String name() {
        return "subprocessor-registry";
    }

    @Override
    public Set<String> topics() {
        return Set.of(SubprocessorEventTypes.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (TOOK_EFFECT.equals(ceType) || PROOF_REQUESTED.equals(ceType) || PROOF_PROVIDED.equals(ceType)) {
            return Interest.APPLY;
        }
        return SubprocessorEventTypes.isKnown(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        if (!TOOK_EFFECT.equals(event.type())) {
            return proof(tx, event);
        }
        JsonNode data = event.data();
        JsonNode change = data.path("change");
        String agreementId = data.path("agreementId").asText();
        String changeId = data.path("changeId").asText();
        String kind = change.path("kind").asText();
        JsonNode subprocessor = change.path("subprocessor");
        var at = event.time().atOffset(ZoneOffset.UTC);
        Uni<Void> removed = switch (kind) {
            case "REMOVE" -> remove(tx, agreementId, subprocessor.path("name").asText(), changeId, at);
            case "REPLACE" -> remove(tx, agreementId, change.path("replaces").asText(), changeId, at);
            default -> Uni.createFrom().voidItem();
        };
        if ("REMOVE".equals(kind)) {
            return removed;
        }
        Tuple values = Tuple.tuple(Arrays.asList(agreementId, changeId, subprocessor.path("name").asText(),
                subprocessor.path("headOffice").asText(null), subprocessor.path("country").asText(),
                subprocessor.path("transferMechanism").asText(null), change.path("acceptanceBasis").asText(), at));
        return removed.flatMap(x -> tx.preparedQuery("INSERT INTO registry_entries (agreement_id, entry_id, name, name_key, "
                        + "head_office, country, transfer_mechanism, basis, accepted_since, change_id) "
                        + "VALUES ($1, $2, $3, " + NAME_KEY_SQL.formatted("$3") + ", $4, $5, $6, $7, $8, $2) ON CONFLICT DO NOTHING")
                .execute(values).replaceWithVoid());
    }

    /** Art. 6.4: the latest request for, and the latest proof of, flow-down on the current entry. */
    private static Uni<Void> proof(SqlClient tx, IncomingEvent event) {
        JsonNode e = event.data().path("event");
        String agreementId = event.data().path("agreementId").asText();
        var at = event.time().atOffset(ZoneOffset.UTC);
        String entry = " WHERE agreement_id = $1 AND name_key = " + NAME_KEY_SQL.formatted("$2") + " AND removed_at IS NULL";
        if (PROOF_REQUESTED.equals(event.type())) {
            return tx.preparedQuery("UPDATE registry_entries SET proof_requested_at = greatest(proof_requested_at, $3)" + entry)
                    .execute(Tuple.of(agreementId, e.path("subprocessor").asText(), at)).replaceWithVoid();
        }
        return tx.preparedQuery("UPDATE registry_entries SET proof_reference = $4, proof_sha256 = $5, proof_attached_at = $3"
                        + entry + " AND (proof_attached_at IS NULL OR proof_attached_at <= $3)")
                .execute(Tuple.of(agreementId, e.path("subprocessor").asText(), at, e.path("reference").asText(),
                        e.path("sha256").asText()))
                .replaceWithVoid();
    }

    private static Uni<Void> remove(SqlClient tx, String agreementId, String name, String changeId, OffsetDateTime at) {
        return tx.preparedQuery("UPDATE registry_entries SET removed_at = $4, removed_by_change = $3 "
                        + "WHERE agreement_id = $1 AND name_key = " + NAME_KEY_SQL.formatted("$2") + " AND removed_at IS NULL")
                .execute(Tuple.of(agreementId, name, changeId, at)).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM registry_entries WHERE basis <> 'BASELINE'").execute()
                .flatMap(x -> tx.query("UPDATE registry_entries SET removed_at = NULL, removed_by_change = NULL, "
                        + "proof_reference = NULL, proof_sha256 = NULL, proof_attached_at = NULL, proof_requested_at = NULL").execute())
                .replaceWithVoid();
    }
}
