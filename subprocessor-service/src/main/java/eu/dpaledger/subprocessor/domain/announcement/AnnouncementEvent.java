package eu.dpaledger.subprocessor.domain.announcement;

import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.change.ChangeKind;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to a processor-wide announcement; the record's simple name is the event type. */
public sealed interface AnnouncementEvent {

    /**
     * The processor announced a change to {@code agreementCount} agreements. {@code agreementsSha256} is the SHA-256
     * (hex) of their ids, sorted and joined by line feeds: whoever holds the notices (each names this announcement)
     * can check that they are the agreements it went to.
     */
    record AnnouncementMade(String announcementId, String processorOrg, Selection selection, int agreementCount,
                            String agreementsSha256, ChangeKind kind, SubprocessorDetails subprocessor, String replaces,
                            LocalDate intendedFrom, String reason, String announcedBy, Instant at) implements AnnouncementEvent {
    }

    /** The fan-out's progress so far (cumulative): notices created, agreements refused one, agreements still waiting. */
    record AnnouncementNoticesIssued(int created, int refused, int remaining, Instant at) implements AnnouncementEvent {
    }

    /** Every agreement has its notice or the reason it got none: the fan-out is over. */
    record AnnouncementCompleted(int created, int refused, Instant at) implements AnnouncementEvent {
    }
}
