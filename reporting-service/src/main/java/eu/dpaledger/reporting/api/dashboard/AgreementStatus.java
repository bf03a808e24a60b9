package eu.dpaledger.reporting.api.dashboard;

/** An agreement's status as the portfolio lists it, for its label ({@code msg:status}). */
public enum AgreementStatus {
    DRAFT, SIGNING, ACTIVE, TERMINATED, CLOSED
}
