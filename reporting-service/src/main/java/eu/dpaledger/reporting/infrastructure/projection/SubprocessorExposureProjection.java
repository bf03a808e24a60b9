package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.domain.Eea;
import eu.dpaledger.platform.domain.TransferMechanism;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * {@code subprocessor_exposure}: the sub-processors in effect per agreement. The annex-1 sub-processors are the
 * baseline the controller accepted by signing (DPA art. 6.1; from AgreementActivated), then each change that took
 * effect moves it (ChangeTookEffect): an ADD engages its sub-processor, a REMOVE marks it removed, a REPLACE marks
 * {@code replaces} (the replaced sub-processor's name) removed and engages the new one. Names are compared as
 * subprocessor-service's registry compares them (trimmed, spaces collapsed, case ignored). Topics are not ordered
 * against each other, so a removal that arrives before the baseline it removes still marks the name removed.
 */
@ApplicationScoped
public class SubprocessorExposureProjection implements ProjectionHandler {

    static final String ACTIVATED = EventTypes.type(EventTypes.AGREEMENT, "AgreementActivated");
    static final String TOOK_EFFECT = EventTypes.type(EventTypes.CHANGE, "ChangeTookEffect");

    @Override
    public String name() {
        return "subprocessor-exposure";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgreementPublished.TOPIC, SubprocessorChangePublished.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (ACTIVATED.equals(ceType) || TOOK_EFFECT.equals(ceType)) {
            return Interest.APPLY;
        }
        return EventTypes.AGREEMENTS.contains(ceType) || EventTypes.ASSISTANCE.contains(ceType) || EventTypes.CHANGES.contains(ceType)
                || EventTypes.PROOFS.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        if (ACTIVATED.equals(event.type())) {
            return Uni.createFrom().item(() -> AgreementPublished.of(event)).flatMap(a -> baseline(tx, a, EventTypes.stamp(event)));
        }
        return Uni.createFrom().item(() -> SubprocessorChangePublished.of(event)).flatMap(c -> tookEffect(tx, c, EventTypes.stamp(event)));
    }

    private static Uni<Void> baseline(SqlClient tx, AgreementPublished a, OffsetDateTime at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AgreementPublished.AnnexSubprocessor s : a.agreement().subprocessors()) {
            chain = chain.flatMap(x -> tx.preparedQuery("INSERT INTO subprocessor_exposure AS e (agreement_id, name_key, name, "
                            + "country, head_office, transfer_mechanism, third_country, basis, since) "
                            + "VALUES ($1, $2, $3, $4, $5, $6, $7, 'BASELINE', $8) "
                            + "ON CONFLICT (agreement_id, name_key) DO UPDATE SET country = coalesce(e.country, excluded.country), "
                            + "head_office = coalesce(e.head_office, excluded.head_office), "
                            + "transfer_mechanism = coalesce(e.transfer_mechanism, excluded.transfer_mechanism), "
                            + "third_country = e.third_country OR excluded.third_country WHERE e.basis = 'BASELINE'")
                    .execute(Tuple.tuple(Arrays.asList(a.agreementId(), key(s.name()), s.name(), upper(s.country()), s.headOffice(),
                            mechanism(s.transferMechanism()), thirdCountry(s.country()), at)))
                    .replaceWithVoid());
        }
        return chain;
    }

    private static Uni<Void> tookEffect(SqlClient tx, SubprocessorChangePublished published, OffsetDateTime at) {
        SubprocessorChangePublished.Summary c = published.change();
        SubprocessorChangePublished.Subprocessor s = c.subprocessor();
        Uni<Void> removed = switch (c.kind()) {
            case "REMOVE" -> remove(tx, published.agreementId(), s.name(), published.changeId(), at);
            case "REPLACE" -> remove(tx, published.agreementId(), c.replaces(), published.changeId(), at);
            default -> Uni.createFrom().voidItem();
        };
        if ("REMOVE".equals(c.kind())) {
            return removed;
        }
        // An engagement after a removal of the same name engages it again; one that predates a later removal does not.
        return removed.flatMap(x -> tx.preparedQuery("INSERT INTO subprocessor_exposure AS e (agreement_id, name_key, name, country, "
                        + "head_office, transfer_mechanism, third_country, basis, change_id, since) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                        + "ON CONFLICT (agreement_id, name_key) DO UPDATE SET name = excluded.name, country = excluded.country, "
                        + "head_office = excluded.head_office, transfer_mechanism = excluded.transfer_mechanism, "
                        + "third_country = excluded.third_country, basis = excluded.basis, change_id = excluded.change_id, "
                        + "since = excluded.since, "
                        + "removed_at = CASE WHEN e.removed_at > excluded.since THEN e.removed_at END "
                        + "WHERE e.since IS NULL OR e.since <= excluded.since")
                .execute(Tuple.tuple(Arrays.asList(published.agreementId(), key(s.name()), s.name(), upper(s.country()),
                        s.headOffice(), mechanism(s.transferMechanism()), thirdCountry(s.country()),
                        c.acceptanceBasis() == null ? "ACCEPTED" : c.acceptanceBasis(), published.changeId(), at)))
                .replaceWithVoid());
    }

    private static Uni<Void> remove(SqlClient tx, String agreementId, String name, String changeId, OffsetDateTime at) {
        if (name == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO subprocessor_exposure AS e (agreement_id, name_key, name, third_country, basis, "
                        + "removed_at, removed_by_change) VALUES ($1, $2, $3, false, 'BASELINE', $4, $5) "
                        + "ON CONFLICT (agreement_id, name_key) DO UPDATE SET removed_at = excluded.removed_at, "
                        + "removed_by_change = excluded.removed_by_change "
                        + "WHERE e.removed_at IS NULL AND (e.since IS NULL OR e.since <= excluded.removed_at)")
                .execute(Tuple.of(agreementId, key(name), name.trim(), at, changeId)).replaceWithVoid();
    }

    /** subprocessor-service's name key: trimmed, inner spaces collapsed, lower case. */
    static String key(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String upper(String country) {
        return country == null ? null : country.toUpperCase(Locale.ROOT);
    }

    private static String mechanism(TransferMechanism mechanism) {
        return mechanism == null ? null : mechanism.name();
    }

    /** GDPR chapter V: a country outside the EEA. */
    static boolean thirdCountry(String country) {
        return country != null && !Eea.isInEea(country.toUpperCase(Locale.ROOT));
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM subprocessor_exposure").execute().replaceWithVoid();
    }
}
