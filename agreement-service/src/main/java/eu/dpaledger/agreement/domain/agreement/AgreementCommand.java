package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.Lists;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.AgreementContentChanges;
import eu.dpaledger.platform.domain.Actor;

import java.time.Instant;
import java.util.List;

/**
 * What a party asks of an agreement. Every command carries the caller and {@code at}, the server time
 * the application layer read from its {@code Clock}.
 */
public sealed interface AgreementCommand {

    Actor actor();

    Instant at();

    /** Either party drafts a new agreement. */
    record CreateDraft(String agreementId, AgreementContent content, Actor actor, Instant at)
            implements AgreementCommand {
    }

    /** A party replaces the draft's content; signatures on other content lapse. */
    record EditDraft(AgreementContent content, Actor actor, Instant at) implements AgreementCommand {
    }

    /** The caller signs the draft for its party; the signature binds the current content's digest. */
    record Sign(String signerName, String signerTitle, String place, Actor actor, Instant at)
            implements AgreementCommand {
    }

    /** A party proposes a written addendum to an active agreement (art. 12.3). */
    record ProposeAddendum(String title, String reason, AgreementContentChanges changes, Actor actor, Instant at)
            implements AgreementCommand {
    }

    /** The caller signs a proposed addendum for its party. */
    record SignAddendum(int number, String signerName, String signerTitle, String place, Actor actor, Instant at)
            implements AgreementCommand {
    }

    /** A party withdraws (or declines) a pending addendum, so that another one can be proposed. */
    record WithdrawAddendum(int number, String reason, Actor actor, Instant at) implements AgreementCommand {
    }

    /**
     * A party ends the agreement.
     *
     * @param noticeOfDefaultReference           reference of the written notice of default (PROCESSOR_DEFAULT)
     * @param subprocessorTerminationRightGranted whether the sub-processor service granted the controller the
     *                                           art. 6.2 termination right; looked up by the application layer
     */
    record Terminate(TerminationGround ground, Instant effectiveAt, String noticeOfDefaultReference,
                     boolean subprocessorTerminationRightGranted, Actor actor, Instant at) implements AgreementCommand {
    }

    /** The processor records that it handed over all personal data (art. 11.2). */
    record RecordDataReturn(String format, String sha256, Instant deliveredAt, Actor actor, Instant at)
            implements AgreementCommand {
    }

    /** The processor confirms in writing that it destroyed every copy (art. 11.3, 11.4). */
    record ConfirmDestruction(Instant confirmedAt, String statement, List<String> legalRetentionExceptions,
                              Actor actor, Instant at) implements AgreementCommand {

        public ConfirmDestruction {
            legalRetentionExceptions = Lists.orEmpty(legalRetentionExceptions);
        }
    }
}
