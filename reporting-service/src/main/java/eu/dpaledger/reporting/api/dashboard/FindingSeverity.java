package eu.dpaledger.reporting.api.dashboard;

/** An audit finding's severity as audit-service publishes it, for its label ({@code msg:severity}). */
public enum FindingSeverity {
    MINOR, MAJOR, CRITICAL
}
