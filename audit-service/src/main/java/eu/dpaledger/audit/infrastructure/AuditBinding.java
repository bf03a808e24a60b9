package eu.dpaledger.audit.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.audit.domain.Actor;
import eu.dpaledger.audit.domain.audit.AuditAggregate;
import eu.dpaledger.audit.domain.audit.AuditCommand;
import eu.dpaledger.audit.domain.audit.AuditEvent;
import eu.dpaledger.audit.domain.audit.AuditRecord;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Plugs the audit aggregate into the kernel: stream type {@code audit} (events publish as
 * {@code eu.dpaledger.audit.<Event>.v1} on {@code dpa.audits}); who may see an audit: either party's
 * organisation in its role, or an auditor of the appointed audit firm; the published data: the event,
 * the agreement, and a summary of the audit after it.
 */
@ApplicationScoped
public class AuditBinding implements AggregateBinding<Optional<AuditRecord>, AuditCommand, AuditEvent> {

    public static final String STREAM_TYPE = "audit";
    public static final Caller SCHEDULER = Caller.system(Actor.SCHEDULER.subject());

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
        return caller == SCHEDULER || state.filter(a -> a.isParty(caller.organisation())
                || (a.auditorOrg() != null && a.auditorOrg().equals(caller.organisation()) && caller.hasRole(Caller.AUDITOR))).isPresent();
    }

    /** Reads: a party in its role, or an auditor of the appointed firm (that audit only). */
    public boolean readableBy(Optional<AuditRecord> state, Caller caller) {
        return state.filter(a -> (a.controllerOrg().equals(caller.organisation()) && caller.hasRole(Caller.CONTROLLER))
                || (a.processorOrg().equals(caller.organisation()) && caller.hasRole(Caller.PROCESSOR))
                || (a.auditorOrg() != null && a.auditorOrg().equals(caller.organisation()) && caller.hasRole(Caller.AUDITOR)))
                .isPresent();
    }

    public static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.organisation(), caller.roles());
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, AuditEvent event, JsonNode payload,
                                    Optional<AuditRecord> stateAfter) {
        AuditRecord a = stateAfter.orElseThrow();
        ObjectNode data = mapper.createObjectNode();
        data.put("auditId", streamId);
        data.put("agreementId", a.agreementId());
        data.put("streamVersion", version);
        data.set("event", payload);
        ObjectNode s = data.putObject("audit");
        s.put("controllerOrg", a.controllerOrg());
        s.put("processorOrg", a.processorOrg());
        s.put("auditorOrg", a.auditorOrg());
        s.put("status", a.status());
        s.put("start", a.start().toString());
        s.put("end", a.end().toString());
        s.put("scope", a.scope());
        s.put("planDueAt", a.planDueAt() == null ? null : a.planDueAt().toString());
        s.put("planOwed", a.planOwed());
        LocalDate next = a.approvedPlan().flatMap(p -> p.measures().stream().filter(m -> m.implementedAt() == null)
                .map(AuditRecord.Measure::dueDate).min(LocalDate::compareTo)).orElse(null);
        s.put("nextMeasureDue", next == null ? null : next.toString());
        s.put("costBorneBy", a.costBorneBy());
        return data;
    }
}
