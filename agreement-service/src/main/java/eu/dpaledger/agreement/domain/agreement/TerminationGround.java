package eu.dpaledger.agreement.domain.agreement;

/** Why the agreement ends. */
public enum TerminationGround {
    /** The agreement runs with the assignment and ends with it (art. 3.1); either party records it. */
    ASSIGNMENT_ENDED,
    /** The controller ends it after a written, reasoned notice of default that was not remedied (art. 11.1). */
    PROCESSOR_DEFAULT,
    /** The controller ends it after a sub-processor objection left unresolved for 3 months (art. 6.2). */
    SUBPROCESSOR_OBJECTION
}
