package eu.dpaledger.audit.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.audit.domain.evidence.EvidenceItem;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.EvidencePublished;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Plugs the processor's evidence register (DPA art. 4.1, 4.2, 5.2, 7.1) into the kernel: stream type {@code evidence},
 * one stream per item, published on {@code dpa.audits} as {@code eu.dpaledger.evidence.<Event>.v1} with a summary after
 * each event ({@link EvidencePublished}).
 */
@ApplicationScoped
public class EvidenceBinding implements AggregateBinding<Optional<EvidenceItem.Record>, EvidenceItem.Command,
        EvidenceItem.Event> {

    public static final String STREAM_TYPE = "evidence";

    private final EvidenceItem aggregate = new EvidenceItem();

    @Override
    public Aggregate<Optional<EvidenceItem.Record>, EvidenceItem.Command, EvidenceItem.Event> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public String displayName() {
        return "evidence item";
    }

    @Override
    public boolean visibleTo(Optional<EvidenceItem.Record> state, Caller caller) {
        return state.filter(r -> r.parties().isParty(caller.organisation())).isPresent();
    }

    /** Reads: either party in its own role. */
    @Override
    public boolean readableBy(Optional<EvidenceItem.Record> state, Caller caller) {
        return state.filter(r -> r.parties().partyInRole(actor(caller))).isPresent();
    }

    /** The DPO named in a piece of evidence is kept per agreement (docs/ARCHITECTURE.md "Personal data"). */
    @Override
    public String personalDataScope(String streamId, Optional<EvidenceItem.Record> state) {
        return state.map(EvidenceItem.Record::agreementId).orElse(streamId);
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, EvidenceItem.Event event,
                                    JsonNode payload, Optional<EvidenceItem.Record> stateAfter) {
        EvidenceItem.Record r = stateAfter.orElseThrow();
        return mapper.valueToTree(new EvidencePublished(streamId, r.agreementId(), version, payload, summary(r)));
    }

    /** The item after an event, as the register list and other consumers of {@code dpa.audits} read it. */
    static EvidencePublished.Summary summary(EvidenceItem.Record r) {
        return new EvidencePublished.Summary(r.parties().controllerOrg(), r.parties().processorOrg(), r.kind().name(),
                r.content().title(), r.revision(), r.review().name(), r.content().expiresAfter(), r.zone().getId(), r.markedExpiring(),
                r.markedExpired(),
                r.recordedAt(), r.updatedAt());
    }
}
