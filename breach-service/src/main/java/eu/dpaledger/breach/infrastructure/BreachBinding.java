package eu.dpaledger.breach.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.breach.domain.breach.BreachAggregate;
import eu.dpaledger.breach.domain.breach.BreachCommand;
import eu.dpaledger.breach.domain.breach.BreachEvent;
import eu.dpaledger.breach.domain.breach.BreachRecord;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Plugs the breach aggregate into the kernel: stream type {@code breach} (events publish as
 * {@code eu.dpaledger.breach.<Event>.v1} on {@code dpa.breaches}), who may see a breach (a party's
 * organisation; reads also need the matching role), and the published data: the event, the agreement,
 * and a summary of the breach after it (parties, status, clocks, open obligations).
 */
@ApplicationScoped
public class BreachBinding implements AggregateBinding<Optional<BreachRecord>, BreachCommand, BreachEvent> {

    public static final String STREAM_TYPE = "breach";

    private final BreachAggregate aggregate = new BreachAggregate();

    @Override
    public Aggregate<Optional<BreachRecord>, BreachCommand, BreachEvent> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    /** A party's organisation, whatever its role (the service's own scheduler is let through by the kernel). */
    @Override
    public boolean visibleTo(Optional<BreachRecord> state, Caller caller) {
        return state.filter(b -> b.parties().isParty(caller.organisation())).isPresent();
    }

    /** Reads need the party's organisation AND its role. */
    @Override
    public boolean readableBy(Optional<BreachRecord> state, Caller caller) {
        return state.filter(b -> b.parties().partyInRole(actor(caller))).isPresent();
    }

    /** The people named in a breach report are kept per agreement (docs/ARCHITECTURE.md "Personal data"). */
    @Override
    public String personalDataScope(String streamId, Optional<BreachRecord> state) {
        return state.map(BreachRecord::agreementId).orElse(streamId);
    }

    /** The published contract ({@link BreachPublished}): the event, its agreement and the breach after it. */
    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, BreachEvent event, JsonNode payload,
                                    Optional<BreachRecord> stateAfter) {
        BreachRecord b = stateAfter.orElseThrow();
        return mapper.valueToTree(new BreachPublished(streamId, b.agreementId(), version, payload, summary(b)));
    }

    static BreachPublished.Summary summary(BreachRecord b) {
        return new BreachPublished.Summary(b.controllerOrg(), b.processorOrg(), b.authority(), b.status(),
                b.report().description(), b.report().processorAwareAt(), b.receivedAt(), b.reportDueAt(), b.lateBySeconds(),
                b.controllerAwareAt(), b.notificationDueAt(), b.notificationOpen(), b.notificationWarned(),
                b.notificationMissed(), b.assessment() == null ? null : b.assessment().risk().name(), b.openObligations(),
                b.kind().name(), b.lateBySecondsOnReceipt());
    }
}
