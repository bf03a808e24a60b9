package eu.dpaledger.audit.domain;

/** How serious a finding is. */
public enum FindingSeverity { MINOR, MAJOR, CRITICAL }
