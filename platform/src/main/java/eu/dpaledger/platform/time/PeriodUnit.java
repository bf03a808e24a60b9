package eu.dpaledger.platform.time;

/** The units in which Reg. 1182/71 art. 3 expresses periods (weeks and years are not used by the domain). */
public enum PeriodUnit {
    HOURS,
    DAYS,
    /** Working days (Reg. 1182/71 art. 2(2): not a Saturday, Sunday or public holiday), counted from the day after the event. */
    WORKING_DAYS,
    MONTHS
}
