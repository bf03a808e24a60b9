package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.Lists;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.AgreementContentChanges;
import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.platform.personaldata.Personal;

import java.time.Instant;
import java.util.List;

/**
 * What happened to an agreement. Each event carries what {@code evolve} and a later reader need;
 * who did it is in the event store's metadata.
 */
public sealed interface AgreementEvent {

    Instant at();

    record DraftCreated(String agreementId, AgreementContent content, PartyRole createdBy, Instant at)
            implements AgreementEvent {
    }

    record DraftEdited(AgreementContent content, PartyRole by, Instant at) implements AgreementEvent {
    }

    /** Signatures that no longer bind the draft's content. */
    record SignaturesVoided(List<PartyRole> voided, String reason, Instant at) implements AgreementEvent {

        public SignaturesVoided {
            voided = Lists.orEmpty(voided);
        }
    }

    /** The signer's name and title are personal data, sealed with the signer's key (docs/ARCHITECTURE.md "Personal data"). */
    record AgreementSigned(PartyRole party, @Personal(kind = "signer") String signerName,
                           @Personal(kind = "signer", subject = "signerName") String signerTitle, String place,
                           String contentSha256, Instant at) implements AgreementEvent {
    }

    record AgreementActivated(String contentSha256, Instant at) implements AgreementEvent {
    }

    record AddendumProposed(int number, String title, String reason, AgreementContentChanges changes,
                            PartyRole proposedBy, Instant at) implements AgreementEvent {
    }

    /** {@code addendumSha256} is the digest of the addendum's {@link AddendumTerms}. */
    record AddendumSigned(int number, PartyRole party, @Personal(kind = "signer") String signerName,
                          @Personal(kind = "signer", subject = "signerName") String signerTitle, String place,
                          String addendumSha256, Instant at) implements AgreementEvent {
    }

    /** {@code contentSha256} is the digest of the agreement's content with this addendum applied. */
    record AddendumInForce(int number, String contentSha256, Instant at) implements AgreementEvent {
    }

    record AddendumWithdrawn(int number, String reason, PartyRole by, Instant at) implements AgreementEvent {
    }

    record AgreementTerminated(TerminationGround ground, Instant effectiveAt, String noticeOfDefaultReference,
                               PartyRole by, Instant at) implements AgreementEvent {
    }

    record DataReturned(String format, String sha256, Instant deliveredAt, Instant destructionConfirmationDueAt,
                        Instant at) implements AgreementEvent {
    }

    record DestructionConfirmed(Instant confirmedAt, String statement, List<String> legalRetentionExceptions,
                                Instant at) implements AgreementEvent {

        public DestructionConfirmed {
            legalRetentionExceptions = Lists.orEmpty(legalRetentionExceptions);
        }
    }

    record AgreementClosed(Instant at) implements AgreementEvent {
    }
}
