package eu.dpaledger.subprocessor.domain.change;

/** On what basis a sub-processor is accepted (or a removal stands). */
public enum AcceptanceBasis {
    /** Listed in annex 1 when the agreement was signed. */
    BASELINE,
    /** The objection window closed without an objection (art. 6.1). */
    ACCEPTED_WITHOUT_OBJECTION,
    /** The controller objected, then withdrew the objection (art. 6.2). */
    OBJECTION_RESOLVED,
    /** A removal, which needs no acceptance. */
    REMOVAL_NOTIFIED
}
