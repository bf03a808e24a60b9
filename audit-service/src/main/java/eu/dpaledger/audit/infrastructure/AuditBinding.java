package eu.dpaledger.audit.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.audit.domain.audit.AuditAggregate;
import eu.dpaledger.audit.domain.audit.AuditCommand;
import eu.dpaledger.audit.domain.audit.AuditEvent;
import eu.dpaledger.audit.domain.audit.AuditRecord;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Plugs the audit aggregate into the kernel: stream type {@code audit} (events publish as
 * {@code eu.dpaledger.audit.<Event>.v1} on {@code dpa.audits}); who may see an audit: either party's
 * organisation in its role, or an auditor of the appointed audit firm; the published data
 * ({@link AuditPublished}): the event, the agreement, and a summary of the audit after it.
 */
@ApplicationScoped
public class AuditBinding implements AggregateBinding<Optional<AuditRecord>, AuditCommand, AuditEvent> {

    public static final String STREAM_TYPE = "audit";

    private final AuditAggregate aggregate = new AuditAggregate();

    @Override
    public Aggregate<Optional<AuditRecord>, AuditCommand, AuditEvent> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    /** Commands reach the domain for either party's organisation or the appointed firm (which then checks the role). */
    @Override
    public boolean visibleTo(Optional<AuditRecord> state, Caller caller) {
        return state.filter(a -> a.parties().isParty(caller.organisation()) || a.appointedAuditor(actor(caller))).isPresent();
    }

    /** Reads: a party in its role, or an auditor of the appointed firm (that audit only). */
    @Override
    public boolean readableBy(Optional<AuditRecord> state, Caller caller) {
        return state.filter(a -> a.parties().partyInRole(actor(caller)) || a.appointedAuditor(actor(caller))).isPresent();
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, AuditEvent event, JsonNode payload,
                                    Optional<AuditRecord> stateAfter) {
        AuditRecord a = stateAfter.orElseThrow();
        return mapper.valueToTree(new AuditPublished(streamId, a.agreementId(), version, payload, summary(a)));
    }

    /** The audit after an event, as the audit list and other consumers of {@code dpa.audits} read it. */
    static AuditPublished.Summary summary(AuditRecord a) {
        LocalDate nextMeasureDue = a.approvedPlan().flatMap(p -> p.measures().stream().filter(m -> m.implementedAt() == null)
                .map(AuditRecord.Measure::dueDate).min(LocalDate::compareTo)).orElse(null);
        return new AuditPublished.Summary(a.parties().controllerOrg(), a.parties().processorOrg(), a.auditorOrg(), a.status(),
                a.start(), a.end(), a.scope(), a.currentPlanDueAt(), a.planOwed(), nextMeasureDue, a.costBorneBy());
    }
}
