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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An agreement as its parties see it: current content (original plus signed addenda), status,
 * version, highest information class, signatures, addenda and the exit steps still open.
 */
public record AgreementView(@Schema(required = true, format = "uuid") String id,
                            @Schema(required = true, enumeration = {"DRAFT", "ACTIVE", "TERMINATED", "CLOSED"}) String status,
                            @Schema(required = true, description = "The stream version, also the ETag") long version,
                            @Schema(required = true, description = "The stream's hash after that version: with version, the receipt of this "
                                    + "answer (a signature answers with the chain head it was recorded at; docs/EVIDENCE.md \"Receipts\")")
                            String chainHash,
                            @Schema(required = true) PartyRole createdBy,
                            @Schema(required = true) Instant createdAt,
                            Integer highestInformationClass,
                            @Schema(required = true, description = "SHA-256 of the canonical current content: what a signature binds")
                            String contentSha256,
                            @Schema(required = true, description = "The content in force: the original plus the signed addenda")
                            AgreementContent content,
                            @Schema(required = true) AgreementContent originalContent,
                            @Schema(required = true, description = "All signatures, voided ones included") List<Signature> signatures,
                            @Schema(required = true) List<Addendum> addenda,
                            Instant activatedAt, Termination termination, DataReturn dataReturn,
                            DestructionConfirmation destructionConfirmation, Instant closedAt,
                            @Schema(required = true) List<ExitStep> openExitSteps) {

    static AgreementView of(AgreementRecord a, long version, String chainHash, String contentSha256, Instant now) {
        return new AgreementView(a.agreementId(), a.status().name(), version, chainHash, a.createdBy(), a.createdAt(),
                a.highestInformationClass(), contentSha256, a.currentContent(), a.originalContent(), a.signatures(),
                a.addenda(), a.activatedAt(), a.termination(), a.dataReturn(), a.destruction(), a.closedAt(),
                a.openExitSteps(now));
    }
}
