package eu.dpaledger.audit.domain.audit;

/** How serious a finding is. */
public enum FindingSeverity { MINOR, MAJOR, CRITICAL }
