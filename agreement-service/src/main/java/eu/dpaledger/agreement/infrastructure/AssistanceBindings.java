package eu.dpaledger.agreement.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.agreement.domain.datasubjectrequest.DataSubjectRequest;
import eu.dpaledger.agreement.domain.disclosure.DisclosureRequest;
import eu.dpaledger.agreement.domain.instruction.Instruction;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.AssistanceItemPublished;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The three assistance aggregates of agreement-service (instructions, authority disclosure requests,
 * data subject requests), each its own stream type published on {@code dpa.agreements}. Every published
 * event is an {@link AssistanceItemPublished}: the payload and an {@code item} summary (parties, status, what the
 * lists show); a disclosure request under a gag publishes no details at all, so nothing reaches the controller's
 * side before it is lifted.
 */
public final class AssistanceBindings {

    private AssistanceBindings() {
    }

    /** The processor in its role, or the controller in its role while the item is visible to it. */
    static boolean reads(Actor actor, Parties parties, boolean controllerVisible) {
        return (controllerVisible && parties.controlledBy(actor)) || parties.processedBy(actor);
    }

    @ApplicationScoped
    public static class Instructions implements AggregateBinding<Optional<Instruction.Record>, Instruction.Command, Instruction.Event> {
        private final Instruction aggregate = new Instruction();

        @Override
        public Aggregate<Optional<Instruction.Record>, Instruction.Command, Instruction.Event> aggregate() {
            return aggregate;
        }

        @Override
        public String streamType() {
            return "instruction";
        }

        @Override
        public boolean visibleTo(Optional<Instruction.Record> state, Caller caller) {
            return state.filter(r -> r.parties().isParty(caller.organisation())).isPresent();
        }

        @Override
        public boolean readableBy(Optional<Instruction.Record> state, Caller caller) {
            return state.filter(r -> reads(actor(caller), r.parties(), true)).isPresent();
        }

        @Override
        public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, Instruction.Event event, JsonNode payload,
                                        Optional<Instruction.Record> after) {
            Instruction.Record r = after.orElseThrow();
            boolean open = r.status() == Instruction.Status.ISSUED || r.status() == Instruction.Status.FLAGGED;
            return mapper.valueToTree(AssistanceItemPublished.withDetails(streamId, r.agreementId(), version, payload,
                    new AssistanceItemPublished.Item(AssistanceItemPublished.INSTRUCTION, r.controllerOrg(), r.processorOrg(),
                            r.status().name(), open, true, r.text(), null, r.effectiveFrom())));
        }
    }

    @ApplicationScoped
    public static class Disclosures implements AggregateBinding<Optional<DisclosureRequest.Record>, DisclosureRequest.Command,
            DisclosureRequest.Event> {
        private final DisclosureRequest aggregate = new DisclosureRequest();

        @Override
        public Aggregate<Optional<DisclosureRequest.Record>, DisclosureRequest.Command, DisclosureRequest.Event> aggregate() {
            return aggregate;
        }

        @Override
        public String streamType() {
            return "disclosurerequest";
        }

        @Override
        public String displayName() {
            return "disclosure request";
        }

        /** A gagged request is the processor's alone: the controller's organisation gets 404 on it too. */
        @Override
        public boolean visibleTo(Optional<DisclosureRequest.Record> state, Caller caller) {
            return state.filter(r -> r.processorOrg().equals(caller.organisation())
                    || (!r.gagged() && r.controllerOrg().equals(caller.organisation()))).isPresent();
        }

        @Override
        public boolean readableBy(Optional<DisclosureRequest.Record> state, Caller caller) {
            return state.filter(r -> reads(actor(caller), r.parties(), !r.gagged())).isPresent();
        }

        @Override
        public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, DisclosureRequest.Event event,
                                        JsonNode payload, Optional<DisclosureRequest.Record> after) {
            DisclosureRequest.Record r = after.orElseThrow();
            if (r.gagged()) {
                // Art. 2.2: the law forbids informing the controller: no authority, scope or event details leave here.
                return mapper.valueToTree(AssistanceItemPublished.withheld(streamId, r.agreementId(), version,
                        new AssistanceItemPublished.Item(AssistanceItemPublished.DISCLOSURE_REQUEST, r.controllerOrg(), r.processorOrg(),
                                r.status(), true, false, "Disclosure request (details withheld)", r.dueAt(), null)));
            }
            return mapper.valueToTree(AssistanceItemPublished.withDetails(streamId, r.agreementId(), version, payload,
                    new AssistanceItemPublished.Item(AssistanceItemPublished.DISCLOSURE_REQUEST, r.controllerOrg(), r.processorOrg(),
                            r.status(), r.disclosedAt() == null, true, r.authority() + ": " + r.scope(), r.dueAt(), null)));
        }
    }

    @ApplicationScoped
    public static class SubjectRequests implements AggregateBinding<Optional<DataSubjectRequest.Record>, DataSubjectRequest.Command,
            DataSubjectRequest.Event> {
        private final DataSubjectRequest aggregate = new DataSubjectRequest();

        @Override
        public Aggregate<Optional<DataSubjectRequest.Record>, DataSubjectRequest.Command, DataSubjectRequest.Event> aggregate() {
            return aggregate;
        }

        @Override
        public String streamType() {
            return "datasubjectrequest";
        }

        @Override
        public String displayName() {
            return "data subject request";
        }

        @Override
        public boolean visibleTo(Optional<DataSubjectRequest.Record> state, Caller caller) {
            return state.filter(r -> r.processorOrg().equals(caller.organisation())
                    || (r.forwardedAt() != null && r.controllerOrg().equals(caller.organisation()))).isPresent();
        }

        /** The controller sees a request once the processor forwarded it. */
        @Override
        public boolean readableBy(Optional<DataSubjectRequest.Record> state, Caller caller) {
            return state.filter(r -> reads(actor(caller), r.parties(), r.forwardedAt() != null)).isPresent();
        }

        @Override
        public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, DataSubjectRequest.Event event,
                                        JsonNode payload, Optional<DataSubjectRequest.Record> after) {
            DataSubjectRequest.Record r = after.orElseThrow();
            return mapper.valueToTree(AssistanceItemPublished.withDetails(streamId, r.agreementId(), version, payload,
                    new AssistanceItemPublished.Item(AssistanceItemPublished.DATA_SUBJECT_REQUEST, r.controllerOrg(), r.processorOrg(),
                            r.status(), r.actedAt() == null && !Boolean.FALSE.equals(r.approved()), r.forwardedAt() != null,
                            r.type().name() + " " + r.reference(), r.forwardedAt() == null ? r.forwardDueAt() : null, r.answerDueOn())));
        }
    }
}
