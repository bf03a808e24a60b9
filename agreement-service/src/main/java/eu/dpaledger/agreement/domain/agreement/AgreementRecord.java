package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.Lists;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.AgreementSettings;
import eu.dpaledger.agreement.domain.content.Party;
import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.Parties;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything known about one agreement: its content as signed and as currently in force, signatures,
 * addenda, termination and exit steps. Held by every state but {@link AgreementState.NoAgreement}.
 *
 * @param originalContent the content both parties signed (while a draft: the draft's content)
 * @param currentContent  the original with every addendum in force applied, in order (art. 12.3)
 * @param currentContentSha256 SHA-256 of the canonical current content (what a signature binds),
 *                        computed once when the content changes rather than on every use
 * @param signatures      all signatures on the agreement, voided ones included
 */
public record AgreementRecord(
        String agreementId,
        PartyRole createdBy,
        Instant createdAt,
        AgreementContent originalContent,
        AgreementContent currentContent,
        String currentContentSha256,
        List<Signature> signatures,
        List<Addendum> addenda,
        Instant activatedAt,
        String activatedContentSha256,
        Termination termination,
        DataReturn dataReturn,
        DestructionConfirmation destruction,
        Instant closedAt) {

    public AgreementRecord {
        signatures = Lists.orEmpty(signatures);
        addenda = Lists.orEmpty(addenda);
    }

    static AgreementRecord drafted(String agreementId, AgreementContent content, String contentSha256, PartyRole by,
                                   Instant at) {
        return new AgreementRecord(agreementId, by, at, content, content, contentSha256, List.of(), List.of(),
                null, null, null, null, null, null);
    }

    public AgreementStatus status() {
        if (closedAt != null) {
            return AgreementStatus.CLOSED;
        }
        if (termination != null) {
            return AgreementStatus.TERMINATED;
        }
        return activatedAt != null ? AgreementStatus.ACTIVE : AgreementStatus.DRAFT;
    }

    /** Whether the organisation (an enterprise number in any accepted spelling) is one of the two parties. */
    public boolean isParty(String organisation) {
        return currentContent.partyRoleOf(organisation).isPresent();
    }

    /** The party the caller acts for: its organisation is that party and it holds that party's role. */
    public Optional<PartyRole> partyOf(Actor actor) {
        return currentContent.partyOf(actor);
    }

    public Parties parties() {
        return currentContent.parties();
    }

    /**
     * What the commands under this agreement (instructions, disclosure requests, data subject requests) need
     * of it, from the aggregate itself: its current parties, status and settings (defaults applied).
     */
    public AgreementFacts facts() {
        AgreementSettings settings = currentContent.settings();
        return new AgreementFacts(agreementId, status().name(), parties(), settings.supervisoryAuthority().name(),
                ZoneId.of(settings.timeZone()), settings.subprocessorObjectionDays(), settings.destructionConfirmationDays());
    }

    public Party party(PartyRole role) {
        return currentContent.party(role);
    }

    /** Highest information class level of the current content's data categories, null when none has a code. */
    public Integer highestInformationClass() {
        return currentContent.highestInformationClass();
    }

    /** Signatures that still bind the content. */
    public List<Signature> validSignatures() {
        return signatures.stream().filter(s -> !s.voided()).toList();
    }

    public Optional<Signature> validSignatureBy(PartyRole party) {
        return validSignatures().stream().filter(s -> s.party() == party).findFirst();
    }

    public Optional<Addendum> addendum(int number) {
        return addenda.stream().filter(a -> a.number() == number).findFirst();
    }

    public Optional<Addendum> pendingAddendum() {
        return addenda.stream().filter(Addendum::awaitingSignatures).findFirst();
    }

    public Instant destructionConfirmationDueAt() {
        return dataReturn == null ? null : dataReturn.destructionConfirmationDueAt();
    }

    /**
     * The processor's exit obligations still open at {@code now}, from the termination's effective time
     * on: first the data return (art. 11.2), then the destruction confirmation (art. 11.3, 11.4).
     */
    public List<ExitStep> openExitSteps(Instant now) {
        if (termination == null || destruction != null || now.isBefore(termination.effectiveAt())) {
            return List.of();
        }
        if (dataReturn == null) {
            return List.of(new ExitStep(ExitStep.DATA_RETURN, null, false));
        }
        Instant due = dataReturn.destructionConfirmationDueAt();
        return List.of(new ExitStep(ExitStep.DESTRUCTION_CONFIRMATION, due, now.isAfter(due)));
    }

    AgreementRecord withContent(AgreementContent original, AgreementContent current, String currentSha256) {
        return new AgreementRecord(agreementId, createdBy, createdAt, original, current, currentSha256, signatures, addenda,
                activatedAt, activatedContentSha256, termination, dataReturn, destruction, closedAt);
    }

    AgreementRecord withSignatures(List<Signature> newSignatures) {
        return new AgreementRecord(agreementId, createdBy, createdAt, originalContent, currentContent, currentContentSha256, newSignatures,
                addenda, activatedAt, activatedContentSha256, termination, dataReturn, destruction, closedAt);
    }

    AgreementRecord withAddenda(List<Addendum> newAddenda) {
        return new AgreementRecord(agreementId, createdBy, createdAt, originalContent, currentContent, currentContentSha256, signatures,
                newAddenda, activatedAt, activatedContentSha256, termination, dataReturn, destruction, closedAt);
    }

    /**
     * Active on the content both parties signed: its digest is the one their signatures bind, also when the content
     * has since been read with erased personal values (docs/ARCHITECTURE.md "Personal data").
     */
    AgreementRecord withActivation(Instant at, String contentSha256) {
        return new AgreementRecord(agreementId, createdBy, createdAt, originalContent, currentContent, contentSha256, signatures,
                addenda, at, contentSha256, termination, dataReturn, destruction, closedAt);
    }

    AgreementRecord withTermination(Termination newTermination) {
        return new AgreementRecord(agreementId, createdBy, createdAt, originalContent, currentContent, currentContentSha256, signatures,
                addenda, activatedAt, activatedContentSha256, newTermination, dataReturn, destruction, closedAt);
    }

    AgreementRecord withDataReturn(DataReturn newDataReturn) {
        return new AgreementRecord(agreementId, createdBy, createdAt, originalContent, currentContent, currentContentSha256, signatures,
                addenda, activatedAt, activatedContentSha256, termination, newDataReturn, destruction, closedAt);
    }

    AgreementRecord withDestruction(DestructionConfirmation confirmation) {
        return new AgreementRecord(agreementId, createdBy, createdAt, originalContent, currentContent, currentContentSha256, signatures,
                addenda, activatedAt, activatedContentSha256, termination, dataReturn, confirmation, closedAt);
    }

    AgreementRecord withClosedAt(Instant at) {
        return new AgreementRecord(agreementId, createdBy, createdAt, originalContent, currentContent, currentContentSha256, signatures,
                addenda, activatedAt, activatedContentSha256, termination, dataReturn, destruction, at);
    }
}
