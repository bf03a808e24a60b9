package eu.dpaledger.breach.domain;

/** The controller's assessment of the risk to the data subjects (GDPR 33(1), 34(1)). */
public enum Risk {
    /** Unlikely to result in a risk: documented (GDPR 33(5)), not notified. */
    UNLIKELY,
    /** A risk: the supervisory authority is notified (GDPR 33). */
    RISK,
    /** A high risk: the authority is notified and the data subjects informed (GDPR 34). */
    HIGH_RISK
}
