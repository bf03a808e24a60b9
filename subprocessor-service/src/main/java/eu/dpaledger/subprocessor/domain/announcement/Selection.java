package eu.dpaledger.subprocessor.domain.announcement;

/** Which agreements an announcement goes to. */
public enum Selection {
    /** Every agreement of the processor that is ACTIVE when the announcement is made; agreements activated later are not touched. */
    ALL_ACTIVE,
    /** The agreements the processor named, each of them its own and ACTIVE. */
    CHOSEN
}
