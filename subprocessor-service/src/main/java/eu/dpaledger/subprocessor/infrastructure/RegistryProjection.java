package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.contracts.FlowDownProofPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
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
 * The annex-1 baseline comes from {@link RegistryBaselineProjection}.
 */
@ApplicationScoped
public class RegistryProjection implements ProjectionHandler {

    /** The SQL spelling of {@code SubprocessorDetails.key}: trimmed, inner spaces collapsed, lower case. */
    static final String NAME_KEY_SQL = "lower(regexp_replace(btrim(%s), '\\s+', ' ', 'g'))";

    static final String TOOK_EFFECT = "eu.dpaledger.subprocessor.ChangeTookEffect.v1";

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
        if (TOOK_EFFECT.equals(ceType) || FlowDownProofPublished.REQUESTED.equals(ceType) || FlowDownProofPublished.PROVIDED.equals(ceType)) {
            return Interest.APPLY;
        }
        return SubprocessorEventTypes.isKnown(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        if (!TOOK_EFFECT.equals(event.type())) {
            return Uni.createFrom().item(() -> FlowDownProofPublished.of(event)).flatMap(proof -> proof(tx, proof, event));
        }
        return Uni.createFrom().item(() -> SubprocessorChangePublished.of(event)).flatMap(change -> tookEffect(tx, change, event));
    }

    private static Uni<Void> tookEffect(SqlClient tx, SubprocessorChangePublished published, IncomingEvent event) {
        SubprocessorChangePublished.Summary change = published.change();
        String agreementId = published.agreementId();
        String changeId = published.changeId();
        SubprocessorChangePublished.Subprocessor subprocessor = change.subprocessor();
        var at = event.time().atOffset(ZoneOffset.UTC);
        Uni<Void> removed = switch (change.kind()) {
            case "REMOVE" -> remove(tx, agreementId, subprocessor.name(), changeId, at);
            case "REPLACE" -> remove(tx, agreementId, change.replaces(), changeId, at);
            default -> Uni.createFrom().voidItem();
        };
        if ("REMOVE".equals(change.kind())) {
            return removed;
        }
        Tuple values = Tuple.tuple(Arrays.asList(agreementId, changeId, subprocessor.name(), subprocessor.headOffice(),
                subprocessor.country(), subprocessor.transferMechanism() == null ? null : subprocessor.transferMechanism().name(),
                change.acceptanceBasis(), at, change.controllerOrg(), change.processorOrg()));
        return removed.flatMap(x -> tx.preparedQuery("INSERT INTO registry_entries (agreement_id, entry_id, name, name_key, "
                        + "head_office, country, transfer_mechanism, basis, accepted_since, change_id, controller_org, processor_org) "
                        + "VALUES ($1, $2, $3, " + NAME_KEY_SQL.formatted("$3") + ", $4, $5, $6, $7, $8, $2, $9, $10) "
                        + "ON CONFLICT DO NOTHING")
                .execute(values).replaceWithVoid());
    }

    /** Art. 6.4: the latest request for, and the latest proof of, flow-down on the current entry. */
    private static Uni<Void> proof(SqlClient tx, FlowDownProofPublished published, IncomingEvent event) {
        String agreementId = published.agreementId();
        var at = event.time().atOffset(ZoneOffset.UTC);
        String entry = " WHERE agreement_id = $1 AND name_key = " + NAME_KEY_SQL.formatted("$2") + " AND removed_at IS NULL";
        if (FlowDownProofPublished.REQUESTED.equals(event.type())) {
            return tx.preparedQuery("UPDATE registry_entries SET proof_requested_at = greatest(proof_requested_at, $3)" + entry)
                    .execute(Tuple.of(agreementId, published.requested().subprocessor(), at)).replaceWithVoid();
        }
        FlowDownProofPublished.Provided provided = published.provided();
        return tx.preparedQuery("UPDATE registry_entries SET proof_reference = $4, proof_sha256 = $5, proof_attached_at = $3"
                        + entry + " AND (proof_attached_at IS NULL OR proof_attached_at <= $3)")
                .execute(Tuple.of(agreementId, provided.subprocessor(), at, provided.reference(), provided.sha256()))
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
                // Only the rows changes or proofs touched: a registry of 100,000 baseline rows is not rewritten (bench/RESULTS.md).
                .flatMap(x -> tx.query("UPDATE registry_entries SET removed_at = NULL, removed_by_change = NULL, "
                        + "proof_reference = NULL, proof_sha256 = NULL, proof_attached_at = NULL, proof_requested_at = NULL "
                        + "WHERE removed_at IS NOT NULL OR removed_by_change IS NOT NULL OR proof_reference IS NOT NULL "
                        + "OR proof_sha256 IS NOT NULL OR proof_attached_at IS NOT NULL OR proof_requested_at IS NOT NULL").execute())
                .replaceWithVoid();
    }
}
