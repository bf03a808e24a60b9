package eu.dpaledger.agreement.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.agreement.domain.agreement.AgreementAggregate;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent;
import eu.dpaledger.agreement.domain.agreement.AgreementRecord;
import eu.dpaledger.agreement.domain.agreement.AgreementState;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.AgreementSettings;
import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.json.CanonicalJson;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.time.LegalClock;
import eu.dpaledger.platform.time.Periods;
import eu.dpaledger.platform.time.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

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
    @Override
    public boolean readableBy(AgreementState state, Caller caller) {
        return state.agreement().filter(a -> a.parties().partyInRole(actor(caller))).isPresent();
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, AgreementEvent event,
                                    JsonNode payload, AgreementState stateAfter) {
        return stateAfter.agreement()
                .<ObjectNode>map(a -> mapper.valueToTree(new AgreementPublished(streamId, version, payload, summary(a))))
                .orElseGet(() -> AggregateBinding.super.publishedData(mapper, streamId, version, event, payload, stateAfter));
    }

    /** The agreement after an event, as every consumer of {@code dpa.agreements} reads it. */
    static AgreementPublished.Summary summary(AgreementRecord a) {
        AgreementContent content = a.currentContent();
        AgreementSettings settings = content.settings();
        return new AgreementPublished.Summary(a.status().name(), party(content, PartyRole.CONTROLLER), party(content, PartyRole.PROCESSOR),
                content.assignment() == null ? null : content.assignment().description(), a.highestInformationClass(),
                settings == null ? null : new AgreementPublished.Settings(
                        settings.supervisoryAuthority() == null ? null : settings.supervisoryAuthority().name(), settings.timeZone(),
                        settings.subprocessorObjectionDays(), settings.destructionConfirmationDays()),
                content.subprocessors() == null ? List.of() : content.subprocessors().stream()
                        .map(s -> new AgreementPublished.AnnexSubprocessor(s.name(), s.headOffice(), s.country(), s.transferMechanism()))
                        .toList(),
                content.processingLocations() == null ? List.of() : content.processingLocations().stream()
                        .map(l -> new AgreementPublished.ProcessingLocation(l.country(), l.transferMechanism())).toList());
    }

    private static AgreementPublished.Party party(AgreementContent content, PartyRole role) {
        return new AgreementPublished.Party(content.party(role).name(), content.party(role).enterpriseNumber());
    }
}
