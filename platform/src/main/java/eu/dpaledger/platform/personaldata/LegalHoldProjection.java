package eu.dpaledger.platform.personaldata;

import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.contracts.EvidencePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Feeds {@code legal_holds} from dpa.breaches and dpa.audits (GDPR art. 17(3)(e), docs/DOMAIN.md "Retention of
 * personal data"): an agreement is held while one of its breaches still has an open obligation (or awaits the
 * controller's assessment), while one of its audits is neither cancelled, completed without non-compliance nor
 * closed, and while a piece of its
 * evidence is disputed. Every event carries the item's summary after it, so a row is set or cleared per event.
 * A service that keeps personal data of agreements enables it ({@code dpa.personal-data.legal-holds.enabled=true})
 * and subscribes its incoming channel to both topics.
 */
@ApplicationScoped
@IfBuildProperty(name = "dpa.personal-data.legal-holds.enabled", stringValue = "true")
public class LegalHoldProjection implements ProjectionHandler {

    private static final String AUDIT_PREFIX = "eu.dpaledger.audit.";
    private static final List<String> ENDED_AUDITS = List.of("CANCELLED", "COMPLETED", "CLOSED");

    @Override
    public String name() {
        return "legal-holds";
    }

    @Override
    public Set<String> topics() {
        return Set.of(BreachPublished.TOPIC, AuditPublished.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        boolean applies = ceType.endsWith(".v1") && (ceType.startsWith(BreachPublished.TYPE_PREFIX)
                || ceType.startsWith(AUDIT_PREFIX) || ceType.startsWith(EvidencePublished.TYPE_PREFIX));
        return applies ? Interest.APPLY : Interest.IGNORE;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        if (!event.data().has(summaryOf(event.type()))) {
            // A type of a later release that does not carry the item's summary: nothing to say about holds.
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> hold(event)).flatMap(h -> h.held()
                ? tx.preparedQuery("INSERT INTO legal_holds (scope, source, reference, reason, since) VALUES ($1, $2, $3, $4, $5) "
                        + "ON CONFLICT (scope, source, reference) DO UPDATE SET reason = excluded.reason")
                        .execute(Tuple.of(h.agreementId(), h.source(), h.reference(), h.reason(), event.time().atOffset(ZoneOffset.UTC)))
                        .replaceWithVoid()
                : tx.preparedQuery("DELETE FROM legal_holds WHERE scope = $1 AND source = $2 AND reference = $3")
                        .execute(Tuple.of(h.agreementId(), h.source(), h.reference())).replaceWithVoid());
    }

    private static String summaryOf(String type) {
        if (type.startsWith(BreachPublished.TYPE_PREFIX)) {
            return "breach";
        }
        return type.startsWith(EvidencePublished.TYPE_PREFIX) ? "item" : "audit";
    }

    private record Hold(String agreementId, String source, String reference, boolean held, String reason) {
    }

    private static Hold hold(IncomingEvent event) {
        if (event.type().startsWith(BreachPublished.TYPE_PREFIX)) {
            BreachPublished b = BreachPublished.of(event);
            String status = b.breach().status();
            boolean open = !b.breach().openObligations().isEmpty() || List.of("REPORTED", "ATTEMPT_REPORTED").contains(status);
            return new Hold(b.agreementId(), "breach", b.breachId(), open, "breach " + b.breachId() + " is open (" + status + ")");
        }
        if (event.type().startsWith(EvidencePublished.TYPE_PREFIX)) {
            EvidencePublished e = EvidencePublished.of(event);
            return new Hold(e.agreementId(), "evidence", e.itemId(), "DISPUTED".equals(e.item().review()),
                    "evidence " + e.itemId() + " is disputed");
        }
        AuditPublished a = AuditPublished.of(event);
        String status = a.audit().status();
        // COMPLETED is final for an audit without non-compliance (no plan follows); CANCELLED and CLOSED end the others.
        return new Hold(a.agreementId(), "audit", a.auditId(), !ENDED_AUDITS.contains(status),
                "audit " + a.auditId() + " is open (" + status + ")");
    }

    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM legal_holds").execute().replaceWithVoid();
    }
}
