package eu.dpaledger.agreement.domain.agreement;

/** Where an agreement is in its life. */
public enum AgreementStatus {
    /** Being negotiated; content may change, signatures collect. */
    DRAFT,
    /** Signed by both parties on the same content; changes only by addendum. */
    ACTIVE,
    /** Ended; the exit obligations of art. 11.2–11.4 run. */
    TERMINATED,
    /** Terminated and the destruction confirmed: nothing left to do. */
    CLOSED
}
