package eu.dpaledger.agreement.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.agreement.domain.Actor;
import eu.dpaledger.agreement.domain.AgreementAggregate;
import eu.dpaledger.agreement.domain.AgreementCommand;
import eu.dpaledger.agreement.domain.AgreementContent;
import eu.dpaledger.agreement.domain.AgreementEvent;
import eu.dpaledger.agreement.domain.AgreementRecord;
import eu.dpaledger.agreement.domain.AgreementState;
import eu.dpaledger.agreement.domain.PartyRole;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.json.CanonicalJson;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.time.LegalClock;
import eu.dpaledger.platform.time.Periods;
import eu.dpaledger.platform.time.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Plugs the agreement aggregate into the kernel: canonical-JSON SHA-256 for signatures, the period
 * library for the destruction-confirmation deadline (art. 11.4, a day period on the Belgian calendar),
 * visibility (a caller sees an agreement only as one of its parties, with that party's role), and the
 * data published on {@code dpa.agreements}: the event plus a summary of the agreement after it.
 */
@ApplicationScoped
public class AgreementBinding implements AggregateBinding<AgreementState, AgreementCommand, AgreementEvent> {

    private final AgreementAggregate aggregate;

    @Inject
    public AgreementBinding(ObjectMapper mapper) {
        this.aggregate = new AgreementAggregate(
                value -> CanonicalJson.sha256Hex(mapper.valueToTree(value)),
                (deliveredAt, days, zone) -> Periods.deadline(LegalClock.agreementDays(days), deliveredAt,
                        WorkingCalendar.belgium(zone)));
    }

    @Override
    public Aggregate<AgreementState, AgreementCommand, AgreementEvent> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return "agreement";
    }

    /**
     * Commands reach the domain when the caller's organisation is a party; the domain then refuses a
     * party acting outside its role (403). Anyone else gets 404.
     */
    @Override
    public boolean visibleTo(AgreementState state, Caller caller) {
        return state.agreement().filter(a -> a.isParty(caller.organisation())).isPresent();
    }

    /** Reads need the party's organisation AND its role (a controller's auditor sees nothing here). */
    public boolean readableBy(AgreementState state, Caller caller) {
        return state.agreement().flatMap(a -> a.partyOf(actor(caller))).isPresent();
    }

    public static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.organisation(), caller.roles());
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, AgreementEvent event,
                                    JsonNode payload, AgreementState stateAfter) {
        ObjectNode data = AggregateBinding.super.publishedData(mapper, streamId, version, event, payload, stateAfter);
        stateAfter.agreement().ifPresent(a -> data.set("agreement", summary(mapper, a)));
        return data;
    }

    /** What other services keep of an agreement: parties, status, settings, classes, sub-processors. */
    static ObjectNode summary(ObjectMapper mapper, AgreementRecord a) {
        AgreementContent content = a.currentContent();
        ObjectNode summary = mapper.createObjectNode();
        summary.put("status", a.status().name());
        summary.set("controller", party(mapper, content, PartyRole.CONTROLLER));
        summary.set("processor", party(mapper, content, PartyRole.PROCESSOR));
        summary.put("assignment", content.assignment() == null ? null : content.assignment().description());
        summary.set("settings", mapper.valueToTree(content.settings()));
        if (a.highestInformationClass() == null) {
            summary.putNull("highestInformationClass");
        } else {
            summary.put("highestInformationClass", a.highestInformationClass());
        }
        summary.set("subprocessors", mapper.valueToTree(content.subprocessors()));
        summary.set("processingLocations", mapper.valueToTree(content.processingLocations()));
        return summary;
    }

    private static ObjectNode party(ObjectMapper mapper, AgreementContent content, PartyRole role) {
        ObjectNode party = mapper.createObjectNode();
        party.put("name", content.party(role).name());
        party.put("enterpriseNumber", content.party(role).enterpriseNumber());
        return party;
    }
}
