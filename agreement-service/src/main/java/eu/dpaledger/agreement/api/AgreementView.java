package eu.dpaledger.agreement.api;

import eu.dpaledger.agreement.domain.agreement.Addendum;
import eu.dpaledger.agreement.domain.agreement.AgreementRecord;
import eu.dpaledger.agreement.domain.agreement.DataReturn;
import eu.dpaledger.agreement.domain.agreement.DestructionConfirmation;
import eu.dpaledger.agreement.domain.agreement.ExitStep;
import eu.dpaledger.agreement.domain.agreement.Signature;
import eu.dpaledger.agreement.domain.agreement.Termination;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.PartyRole;

import java.time.Instant;
import java.util.List;

/**
 * An agreement as its parties see it: current content (original plus signed addenda), status,
 * version, highest information class, signatures, addenda and the exit steps still open.
 */
public record AgreementView(String id, String status, long version, PartyRole createdBy, Instant createdAt,
                            Integer highestInformationClass, String contentSha256, AgreementContent content,
                            AgreementContent originalContent, List<Signature> signatures, List<Addendum> addenda,
                            Instant activatedAt, Termination termination, DataReturn dataReturn,
                            DestructionConfirmation destructionConfirmation, Instant closedAt,
                            List<ExitStep> openExitSteps) {

    static AgreementView of(AgreementRecord a, long version, String contentSha256, Instant now) {
        return new AgreementView(a.agreementId(), a.status().name(), version, a.createdBy(), a.createdAt(),
                a.highestInformationClass(), contentSha256, a.currentContent(), a.originalContent(), a.signatures(),
                a.addenda(), a.activatedAt(), a.termination(), a.dataReturn(), a.destruction(), a.closedAt(),
                a.openExitSteps(now));
    }
}
