package eu.dpaledger.subprocessor.domain.announcement;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.change.ChangeKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What can be asked of a processor-wide announcement. {@code at} is the server's time of the request. */
public sealed interface AnnouncementCommand {

    /**
     * The processor announces one change for many agreements at once (DPA art. 6.1, for each of them). {@code targets}
     * are the agreements it goes to as the directory has them now: every ACTIVE agreement of the processor
     * ({@link Selection#ALL_ACTIVE}), or the ones {@code chosen} names ({@link Selection#CHOSEN}; null for ALL_ACTIVE), in
     * the order they were asked for; an id of {@code chosen} with no agreement of the processor has none in {@code targets}.
     */
    record Announce(String announcementId, Selection selection, List<String> chosen, List<AgreementFacts> targets,
                    ChangeKind kind, SubprocessorDetails subprocessor, String replaces, LocalDate intendedFrom, String reason,
                    Actor actor, Instant at) implements AnnouncementCommand {
    }

    /**
     * The fan-out's progress as its work list has it now: notices {@code created} and {@code refused} so far, and how
     * many agreements still wait for theirs. Records nothing when nothing moved; the last one completes the announcement.
     */
    record RecordProgress(int created, int refused, int remaining, Instant at) implements AnnouncementCommand {
    }
}
