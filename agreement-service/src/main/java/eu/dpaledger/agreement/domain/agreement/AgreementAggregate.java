package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.agreement.AgreementCommand.ConfirmDestruction;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.CreateDraft;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.EditDraft;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.ProposeAddendum;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.RecordDataReturn;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.Sign;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.SignAddendum;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.Terminate;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.WithdrawAddendum;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AddendumInForce;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AddendumProposed;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AddendumSigned;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AddendumWithdrawn;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementActivated;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementClosed;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementSigned;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementTerminated;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DataReturned;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DestructionConfirmed;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DraftCreated;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DraftEdited;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.SignaturesVoided;
import eu.dpaledger.agreement.domain.agreement.AgreementState.NoAgreement;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.AgreementContentChanges;
import eu.dpaledger.agreement.domain.content.AgreementContentRules;
import eu.dpaledger.agreement.domain.content.AgreementSettings;
import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static eu.dpaledger.agreement.domain.AgreementRejections.*;

/**
 * The life of one data processing agreement: drafting, signing by both parties, addenda, termination
 * and the processor's exit steps. Pure functions; digests and deadlines come from injected policies,
 * time from the commands.
 */
public final class AgreementAggregate implements Aggregate<AgreementState, AgreementCommand, AgreementEvent> {

    /** Client clocks may run a little ahead of the server's; beyond this a reported instant is "in the future". */
    public static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(2);

    static final String CONTENT_EDITED = "content edited after signature";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final ContentDigest digest;
    private final DeadlinePolicy deadlines;

    public AgreementAggregate(ContentDigest digest, DeadlinePolicy deadlines) {
        this.digest = Objects.requireNonNull(digest);
        this.deadlines = Objects.requireNonNull(deadlines);
    }

    @Override
    public AgreementState initial() {
        return new NoAgreement();
    }

    @Override
    public Class<AgreementEvent> eventType() {
        return AgreementEvent.class;
    }

    // ------------------------------------------------------------------ decide

    @Override
    public List<AgreementEvent> decide(AgreementCommand command, AgreementState state) {
        Objects.requireNonNull(command.actor(), "actor");
        Objects.requireNonNull(command.at(), "at");
        if (command instanceof CreateDraft c) {
            return createDraft(c, state);
        }
        AgreementRecord agreement = visibleAgreement(state, command.actor());
        if (command instanceof EditDraft c) {
            return editDraft(c, agreement);
        }
        if (command instanceof Sign c) {
            return sign(c, agreement);
        }
        if (command instanceof ProposeAddendum c) {
            return proposeAddendum(c, agreement);
        }
        if (command instanceof SignAddendum c) {
            return signAddendum(c, agreement);
        }
        if (command instanceof WithdrawAddendum c) {
            return withdrawAddendum(c, agreement);
        }
        if (command instanceof Terminate c) {
            return terminate(c, agreement);
        }
        if (command instanceof RecordDataReturn c) {
            return recordDataReturn(c, agreement);
        }
        if (command instanceof ConfirmDestruction c) {
            return confirmDestruction(c, agreement);
        }
        throw new IllegalArgumentException("unhandled command " + command.getClass().getName());
    }

    private List<AgreementEvent> createDraft(CreateDraft c, AgreementState state) {
        if (state.agreement().isPresent()) {
            throw DomainRejection.stateConflict(AGREEMENT_ALREADY_EXISTS, "Agreement already exists",
                    "An agreement with this id already exists");
        }
        requireText(c.agreementId(), "agreementId");
        AgreementContent content = AgreementContentRules.validated(c.content());
        PartyRole drafter = content.partyOf(c.actor()).orElseThrow(() -> DomainRejection.forbidden(
                NOT_A_PARTY_OF_DRAFT, "Not a party of this draft",
                "Only the controller or the processor named in the draft, acting in that role, may draft it"));
        return List.of(new DraftCreated(c.agreementId(), content, drafter, c.at()));
    }

    private List<AgreementEvent> editDraft(EditDraft c, AgreementRecord agreement) {
        PartyRole editor = actingParty(agreement, c.actor());
        requireStatus(agreement, AgreementStatus.DRAFT, AGREEMENT_NOT_DRAFT);
        AgreementContent content = AgreementContentRules.validated(c.content());
        AgreementContentRules.requirePartiesUnchanged(agreement.currentContent(), content);
        List<AgreementEvent> events = new ArrayList<>();
        events.add(new DraftEdited(content, editor, c.at()));
        List<PartyRole> lapsed = signaturesNoLongerBinding(agreement, digest.sha256Hex(content));
        if (!lapsed.isEmpty()) {
            events.add(new SignaturesVoided(lapsed, CONTENT_EDITED, c.at()));
        }
        return events;
    }

    private List<AgreementEvent> sign(Sign c, AgreementRecord agreement) {
        PartyRole party = signingParty(agreement, c.actor());
        requireStatus(agreement, AgreementStatus.DRAFT, AGREEMENT_NOT_DRAFT);
        String contentSha256 = agreement.currentContentSha256();
        if (agreement.validSignatureBy(party).filter(s -> s.signedSha256().equals(contentSha256)).isPresent()) {
            throw alreadySigned(party, "this content");
        }
        requireText(c.signerName(), "signerName");
        List<AgreementEvent> events = new ArrayList<>();
        events.add(new AgreementSigned(party, c.signerName(), c.signerTitle(), c.place(), contentSha256, c.at()));
        if (otherPartySigned(agreement.validSignatureBy(party.other()), contentSha256)) {
            events.add(new AgreementActivated(contentSha256, c.at()));
        }
        return events;
    }

    private List<AgreementEvent> proposeAddendum(ProposeAddendum c, AgreementRecord agreement) {
        PartyRole proposer = actingParty(agreement, c.actor());
        requireStatus(agreement, AgreementStatus.ACTIVE, AGREEMENT_NOT_ACTIVE);
        requireNoPendingAddendum(agreement);
        requireText(c.title(), "title");
        if (c.changes() == null || c.changes().changesNothing()) {
            throw DomainRejection.invalidField(EMPTY_ADDENDUM, "The addendum changes nothing", "changes",
                    "change at least one section");
        }
        AgreementContentChanges changes = AgreementContentRules.normalised(c.changes());
        AgreementContent result = AgreementContentRules.validated(changes.applyTo(agreement.currentContent()));
        AgreementContentRules.requirePartiesUnchanged(agreement.currentContent(), result);
        int number = agreement.addenda().size() + 1;
        return List.of(new AddendumProposed(number, c.title(), c.reason(), changes, proposer, c.at()));
    }

    private List<AgreementEvent> signAddendum(SignAddendum c, AgreementRecord agreement) {
        PartyRole party = signingParty(agreement, c.actor());
        requireStatus(agreement, AgreementStatus.ACTIVE, AGREEMENT_NOT_ACTIVE);
        Addendum addendum = existingAddendum(agreement, c.number());
        if (addendum.signatureBy(party).isPresent()) {
            throw alreadySigned(party, "addendum " + c.number());
        }
        requireAwaitingSignatures(addendum);
        requireText(c.signerName(), "signerName");
        String addendumSha256 = digest.sha256Hex(addendum.terms());
        List<AgreementEvent> events = new ArrayList<>();
        events.add(new AddendumSigned(c.number(), party, c.signerName(), c.signerTitle(), c.place(), addendumSha256,
                c.at()));
        if (otherPartySigned(addendum.signatureBy(party.other()), addendumSha256)) {
            AgreementContent result = addendum.changes().applyTo(agreement.currentContent());
            events.add(new AddendumInForce(c.number(), digest.sha256Hex(result), c.at()));
        }
        return events;
    }

    private List<AgreementEvent> withdrawAddendum(WithdrawAddendum c, AgreementRecord agreement) {
        PartyRole party = actingParty(agreement, c.actor());
        requireStatus(agreement, AgreementStatus.ACTIVE, AGREEMENT_NOT_ACTIVE);
        Addendum addendum = existingAddendum(agreement, c.number());
        requireAwaitingSignatures(addendum);
        return List.of(new AddendumWithdrawn(c.number(), c.reason(), party, c.at()));
    }

    private List<AgreementEvent> terminate(Terminate c, AgreementRecord agreement) {
        PartyRole party = actingParty(agreement, c.actor());
        requireStatus(agreement, AgreementStatus.ACTIVE, AGREEMENT_NOT_ACTIVE);
        requirePresent(c.ground(), "ground");
        requirePresent(c.effectiveAt(), "effectiveAt");
        TerminationPolicy.requireAllowed(c.ground(), party, c.noticeOfDefaultReference(),
                c.subprocessorTerminationRightGranted());
        String reference = AgreementContentRules.isBlank(c.noticeOfDefaultReference()) ? null
                : c.noticeOfDefaultReference().trim();
        return List.of(new AgreementTerminated(c.ground(), c.effectiveAt(), reference, party, c.at()));
    }

    private List<AgreementEvent> recordDataReturn(RecordDataReturn c, AgreementRecord agreement) {
        requireProcessor(agreement, c.actor());
        requireStatus(agreement, AgreementStatus.TERMINATED, AGREEMENT_NOT_TERMINATED);
        requireExitStarted(agreement, c.at());
        if (agreement.dataReturn() != null) {
            throw DomainRejection.stateConflict(DATA_ALREADY_RETURNED, "Data already returned",
                    "The data return was recorded on " + agreement.dataReturn().recordedAt());
        }
        // Art. 11.2: a structured, commonly used, machine-readable format, e.g. a media type such as text/csv.
        requireText(c.format(), "format");
        if (c.sha256() == null || !SHA256_HEX.matcher(c.sha256()).matches()) {
            throw DomainRejection.invalidField(INVALID_SHA256, "Digest is not a SHA-256", "sha256",
                    "must be the 64 hexadecimal characters of the delivered archive's SHA-256");
        }
        requirePresent(c.deliveredAt(), "deliveredAt");
        requireNotInFuture(c.deliveredAt(), "deliveredAt", c.at());
        requireDeliveredAfterTermination(agreement.termination(), c.deliveredAt());
        Instant due = destructionConfirmationDue(agreement, c.deliveredAt());
        return List.of(new DataReturned(c.format().trim(), c.sha256().toLowerCase(Locale.ROOT), c.deliveredAt(), due,
                c.at()));
    }

    private List<AgreementEvent> confirmDestruction(ConfirmDestruction c, AgreementRecord agreement) {
        requireProcessor(agreement, c.actor());
        requireStatus(agreement, AgreementStatus.TERMINATED, AGREEMENT_NOT_TERMINATED);
        requireExitStarted(agreement, c.at());
        requireDataReturnedFirst(agreement);
        requirePresent(c.confirmedAt(), "confirmedAt");
        requireNotInFuture(c.confirmedAt(), "confirmedAt", c.at());
        requireDestroyedAfterHandOver(agreement.dataReturn(), c.confirmedAt());
        requireText(c.statement(), "statement");
        return List.of(
                new DestructionConfirmed(c.confirmedAt(), c.statement(), c.legalRetentionExceptions(), c.at()),
                new AgreementClosed(c.at()));
    }

    // ------------------------------------------------------------------ rules

    /** Outsiders learn nothing, not even that the agreement exists. */
    private static AgreementRecord visibleAgreement(AgreementState state, Actor actor) {
        return state.agreement()
                .filter(agreement -> agreement.isParty(actor.organisation()))
                .orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND, AGREEMENT_NOT_FOUND,
                        "Agreement not found", "No agreement with this id for your organisation"));
    }

    private static PartyRole actingParty(AgreementRecord agreement, Actor actor) {
        return agreement.partyOf(actor).orElseThrow(() -> DomainRejection.forbidden(PARTY_ROLE_REQUIRED,
                "Party role required", "Acting for a party needs that party's role (controller or processor)"));
    }

    private static PartyRole signingParty(AgreementRecord agreement, Actor actor) {
        return agreement.partyOf(actor).orElseThrow(() -> DomainRejection.forbidden(SIGNER_NOT_A_PARTY,
                "Signer is not a party", "Only the controller or the processor, acting in that role, signs"));
    }

    // Art. 11.2–11.4: returning the data and confirming its destruction are the processor's obligations.
    private static void requireProcessor(AgreementRecord agreement, Actor actor) {
        if (agreement.partyOf(actor).filter(party -> party == PartyRole.PROCESSOR).isEmpty()) {
            throw DomainRejection.forbidden(ONLY_PROCESSOR, "Only the processor",
                    "Only the processor records the data return and the destruction");
        }
    }

    private static void requireStatus(AgreementRecord agreement, AgreementStatus expected, String rule) {
        if (agreement.status() != expected) {
            throw DomainRejection.stateConflict(rule, "Agreement is " + agreement.status(),
                    "This needs an agreement in status " + expected + "; it is " + agreement.status());
        }
    }

    /** A signature binds the exact content signed: any other content voids it. */
    private static List<PartyRole> signaturesNoLongerBinding(AgreementRecord agreement, String newContentSha256) {
        return agreement.validSignatures().stream()
                .filter(signature -> !signature.signedSha256().equals(newContentSha256))
                .map(Signature::party)
                .toList();
    }

    /** The agreement, or an addendum, takes effect once both parties signed the same digest. */
    private static boolean otherPartySigned(Optional<Signature> otherSignature, String sha256) {
        return otherSignature.filter(signature -> signature.signedSha256().equals(sha256)).isPresent();
    }

    // Art. 12.3: changes only by a written addendum; one at a time keeps "original plus addenda in order" unambiguous.
    private static void requireNoPendingAddendum(AgreementRecord agreement) {
        agreement.pendingAddendum().ifPresent(pending -> {
            throw DomainRejection.stateConflict(ADDENDUM_PENDING, "Another addendum is pending",
                    "Addendum " + pending.number() + " awaits signatures; sign or withdraw it first");
        });
    }

    private static Addendum existingAddendum(AgreementRecord agreement, int number) {
        return agreement.addendum(number).orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND,
                ADDENDUM_NOT_FOUND, "Addendum not found", "This agreement has no addendum " + number));
    }

    private static void requireAwaitingSignatures(Addendum addendum) {
        if (!addendum.awaitingSignatures()) {
            throw DomainRejection.stateConflict(ADDENDUM_NOT_PENDING, "Addendum is " + addendum.status(),
                    "Addendum " + addendum.number() + " is " + addendum.status());
        }
    }

    // Art. 11.4: confirmation within a reasonable time, which the agreement's settings fix in days.
    private Instant destructionConfirmationDue(AgreementRecord agreement, Instant deliveredAt) {
        AgreementSettings settings = agreement.currentContent().settings();
        return deadlines.destructionConfirmationDue(deliveredAt, settings.destructionConfirmationDays(),
                ZoneId.of(settings.timeZone()));
    }

    // DPA art. 11.2: the exit starts "when this agreement ends", i.e. when the termination takes effect, not before.
    private static void requireExitStarted(AgreementRecord agreement, Instant now) {
        Instant effectiveAt = agreement.termination().effectiveAt();
        if (now.isBefore(effectiveAt)) {
            throw new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, TERMINATION_NOT_YET_EFFECTIVE,
                    "Termination not yet effective",
                    "The exit (return, destruction, confirmation) starts when the termination takes effect on " + effectiveAt
                            + " (DPA art. 11.2)",
                    Map.of("effectiveAt", effectiveAt.toString()));
        }
    }

    // DPA art. 11.2: the hand-over is the exit's, so it cannot be dated before the termination took effect.
    private static void requireDeliveredAfterTermination(Termination termination, Instant deliveredAt) {
        if (deliveredAt.isBefore(termination.effectiveAt())) {
            throw DomainRejection.invalidField(DATA_RETURN_DATED_BEFORE_TERMINATION,
                    "Data return dated before the termination", "deliveredAt",
                    "must not be before the termination took effect (" + termination.effectiveAt() + "; DPA art. 11.2)");
        }
    }

    // Art. 11.3: the processor destroys the data only once everything was handed over (art. 11.2).
    private static void requireDataReturnedFirst(AgreementRecord agreement) {
        if (agreement.dataReturn() == null) {
            throw DomainRejection.stateConflict(DESTRUCTION_BEFORE_DATA_RETURN, "Data not yet returned",
                    "Record the data return (art. 11.2) before confirming the destruction (art. 11.3)");
        }
    }

    private static void requireDestroyedAfterHandOver(DataReturn dataReturn, Instant confirmedAt) {
        if (confirmedAt.isBefore(dataReturn.deliveredAt())) {
            throw DomainRejection.invalidField(DESTRUCTION_DATED_BEFORE_DATA_RETURN,
                    "Destruction dated before the data return", "confirmedAt",
                    "must not be before the data were delivered (" + dataReturn.deliveredAt() + ")");
        }
    }

    private static DomainRejection alreadySigned(PartyRole party, String what) {
        return DomainRejection.stateConflict(ALREADY_SIGNED, "Already signed",
                "The " + party.name().toLowerCase(Locale.ROOT) + " already signed " + what);
    }

    private static void requireNotInFuture(Instant instant, String field, Instant now) {
        if (instant.isAfter(now.plus(CLOCK_SKEW_TOLERANCE))) {
            throw CommonRejections.instantInTheFuture(field);
        }
    }

    private static void requireText(String value, String field) {
        if (AgreementContentRules.isBlank(value)) {
            throw CommonRejections.required(field);
        }
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw CommonRejections.required(field);
        }
    }

    // ------------------------------------------------------------------ evolve

    @Override
    public AgreementState evolve(AgreementState state, AgreementEvent event) {
        if (event instanceof DraftCreated e) {
            return AgreementState.of(AgreementRecord.drafted(e.agreementId(), e.content(), digest.sha256Hex(e.content()),
                    e.createdBy(), e.at()));
        }
        AgreementRecord agreement = state.agreement().orElseThrow(() -> new IllegalStateException(
                event.getClass().getSimpleName() + " on a stream without DraftCreated"));
        return AgreementState.of(applied(agreement, event));
    }

    private AgreementRecord applied(AgreementRecord agreement, AgreementEvent event) {
        if (event instanceof DraftEdited e) {
            return agreement.withContent(e.content(), e.content(), digest.sha256Hex(e.content()));
        }
        if (event instanceof SignaturesVoided e) {
            return agreement.withSignatures(agreement.signatures().stream()
                    .map(s -> e.voided().contains(s.party()) && !s.voided() ? s.asVoided() : s)
                    .toList());
        }
        if (event instanceof AgreementSigned e) {
            // At most one binding signature per party, so validSignatureBy(party) is never ambiguous.
            List<Signature> signatures = new ArrayList<>(agreement.signatures().stream()
                    .map(s -> s.party() == e.party() && !s.voided() ? s.asVoided() : s)
                    .toList());
            signatures.add(new Signature(e.party(), e.signerName(), e.signerTitle(), e.place(), e.contentSha256(),
                    e.at(), false));
            return agreement.withSignatures(signatures);
        }
        if (event instanceof AgreementActivated e) {
            return agreement.withActivation(e.at(), e.contentSha256());
        }
        if (event instanceof AddendumProposed e) {
            List<Addendum> addenda = new ArrayList<>(agreement.addenda());
            addenda.add(Addendum.proposed(e.number(), e.title(), e.reason(), e.changes(), e.proposedBy(), e.at()));
            return agreement.withAddenda(addenda);
        }
        if (event instanceof AddendumSigned e) {
            Signature signature = new Signature(e.party(), e.signerName(), e.signerTitle(), e.place(),
                    e.addendumSha256(), e.at(), false);
            return withAddendum(agreement, e.number(), addendum -> addendum.signed(signature));
        }
        if (event instanceof AddendumInForce e) {
            Addendum addendum = agreement.addendum(e.number()).orElseThrow();
            AgreementRecord changed = agreement.withContent(agreement.originalContent(),
                    addendum.changes().applyTo(agreement.currentContent()), e.contentSha256());
            return withAddendum(changed, e.number(), a -> a.inForce(e.contentSha256(), e.at()));
        }
        if (event instanceof AddendumWithdrawn e) {
            return withAddendum(agreement, e.number(), addendum -> addendum.withdrawn(e.reason(), e.at()));
        }
        if (event instanceof AgreementTerminated e) {
            return agreement.withTermination(
                    new Termination(e.ground(), e.effectiveAt(), e.noticeOfDefaultReference(), e.by(), e.at()));
        }
        if (event instanceof DataReturned e) {
            return agreement.withDataReturn(
                    new DataReturn(e.format(), e.sha256(), e.deliveredAt(), e.destructionConfirmationDueAt(), e.at()));
        }
        if (event instanceof DestructionConfirmed e) {
            return agreement.withDestruction(
                    new DestructionConfirmation(e.confirmedAt(), e.statement(), e.legalRetentionExceptions(), e.at()));
        }
        if (event instanceof AgreementClosed e) {
            return agreement.withClosedAt(e.at());
        }
        throw new IllegalArgumentException("unhandled event " + event.getClass().getName());
    }

    private static AgreementRecord withAddendum(AgreementRecord agreement, int number, UnaryOperator<Addendum> change) {
        return agreement.withAddenda(agreement.addenda().stream()
                .map(addendum -> addendum.number() == number ? change.apply(addendum) : addendum)
                .toList());
    }
}
