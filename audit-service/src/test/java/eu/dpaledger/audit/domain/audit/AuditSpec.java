package eu.dpaledger.audit.domain.audit;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.time.WorkingCalendar;
import eu.dpaledger.testing.AggregateSpec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** The audit aggregate under the shared given/when/then fixture ({@link AggregateSpec}), with the service's seeds. */
final class AuditSpec {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final AuditAggregate AGGREGATE = new AuditAggregate();
    static final Actor CONTROLLER = new Actor("dpo@opwijk", "0207511803", Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", "0428304785", Set.of(Actor.PROCESSOR));
    static final AgreementFacts AGREEMENT = new AgreementFacts("agr-1", AgreementFacts.ACTIVE, new Parties("0207511803", "0428304785"),
            "VTC", BRUSSELS, 30, 30);
    /** The processor's calendar: ESN keeps the Belgian public holidays; a Flemish public body also closes on 11 July. */
    static final WorkingCalendar ESN = WorkingCalendar.belgium(BRUSSELS);
    static final WorkingCalendar FLEMISH_BODY = WorkingCalendar.flemishPublicBody(BRUSSELS);

    static final AggregateSpec<Optional<AuditRecord>, AuditCommand, AuditEvent, DomainRejection> AUDITS =
            AggregateSpec.of(AGGREGATE::initial, AGGREGATE::evolve, AGGREGATE::decide,
                    DomainRejection.class, DomainRejection::rule, DomainRejection::kind);

    /** An instant given as Brussels local time. */
    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BRUSSELS).toInstant();
    }
}
