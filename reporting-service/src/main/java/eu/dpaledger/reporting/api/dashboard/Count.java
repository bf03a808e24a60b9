package eu.dpaledger.reporting.api.dashboard;

/** A number on the dashboard and the filtered list behind it (every number links to its list). */
public record Count(long value, String href) {
}
