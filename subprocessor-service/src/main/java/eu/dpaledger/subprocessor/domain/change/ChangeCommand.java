package eu.dpaledger.subprocessor.domain.change;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.subprocessor.domain.EngagedSubprocessors;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** What can be asked of a sub-processor change. {@code at} is the server's time of the request. */
public sealed interface ChangeCommand {

    /**
     * The processor announces a change (art. 6.1) under {@code agreement}, whose {@code engaged} sub-processors
     * it may replace or remove; {@code supersedes} names the change it is an alternative to; {@code announcementId} the
     * processor-wide announcement it is one notice of (null for a notice announced on its own).
     */
    record Announce(String changeId, AgreementFacts agreement, EngagedSubprocessors engaged, ChangeKind kind, SubprocessorDetails subprocessor,
                    String replaces, LocalDate intendedFrom, String reason, String supersedes, Actor actor, Instant at,
                    String announcementId)
            implements ChangeCommand {

        /** A notice announced on its own, not for a processor-wide announcement. */
        public Announce(String changeId, AgreementFacts agreement, EngagedSubprocessors engaged, ChangeKind kind,
                        SubprocessorDetails subprocessor, String replaces, LocalDate intendedFrom, String reason, String supersedes,
                        Actor actor, Instant at) {
            this(changeId, agreement, engaged, kind, subprocessor, replaces, intendedFrom, reason, supersedes, actor, at, null);
        }
    }

    /** The controller objects within the window (art. 6.1). */
    record RaiseObjection(String grounds, Actor actor, Instant at) implements ChangeCommand {
    }

    /** The controller withdraws its objection: the change is accepted (art. 6.2, resolved). */
    record WithdrawObjection(String reason, Actor actor, Instant at) implements ChangeCommand {
    }

    /** The processor withdraws the change. */
    record WithdrawChange(String reason, Actor actor, Instant at) implements ChangeCommand {
    }

    /**
     * The processor proposes an alternative: a new change that supersedes this one. {@code alternativeKind} and
     * {@code alternative} say what the new change does, so an objected sub-processor can be refused (art. 6.2).
     */
    record Supersede(String alternativeChangeId, String agreementId, ChangeKind alternativeKind,
                     SubprocessorDetails alternative, Actor actor, Instant at) implements ChangeCommand {
    }

    /**
     * The scheduler's clock tick: closes an expired window (tacit acceptance), puts an accepted change
     * into effect on its date, grants the termination right 3 months after an unresolved objection, and
     * warns {@code windowWarning} / {@code terminationWarning} before those deadlines. Idempotent.
     * For a superseded change whose objection is still open, {@code alternative} is what became of the
     * alternative that replaced it (the last of the chain), as the scheduler found it; null otherwise.
     */
    record Tick(Duration windowWarning, Duration terminationWarning, AlternativeOutcome alternative, Instant at)
            implements ChangeCommand {

        public Tick(Duration windowWarning, Duration terminationWarning, Instant at) {
            this(windowWarning, terminationWarning, null, at);
        }
    }

    /**
     * Where the alternative to a superseded change stands: the last change of the chain of alternatives
     * (an alternative superseded in turn is followed), its status and the sub-processor it names.
     */
    record AlternativeOutcome(String changeId, ChangeStatus status, ChangeKind kind, String subprocessorName) {

        /** Accepted or in effect: the change that replaces the objected one is agreed (art. 6.2 "doorgevoerd"). */
        public boolean accepted() {
            return status == ChangeStatus.ACCEPTED || status == ChangeStatus.IN_EFFECT;
        }

        /** Whether it engages the sub-processor of this name key (a removal engages none). */
        public boolean engages(String nameKey) {
            return kind != ChangeKind.REMOVE && SubprocessorDetails.key(subprocessorName).equals(nameKey);
        }
    }
}
