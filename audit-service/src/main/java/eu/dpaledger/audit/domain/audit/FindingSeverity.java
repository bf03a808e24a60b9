package eu.dpaledger.audit.domain.audit;

/** How serious a finding is. */
public enum FindingSeverity {
    MINOR, MAJOR, CRITICAL;

    /** A MAJOR or CRITICAL finding is a deficiency: the audit establishes non-compliance (DPA art. 9.2, 9.3). */
    public boolean serious() {
        return this != MINOR;
    }
}
