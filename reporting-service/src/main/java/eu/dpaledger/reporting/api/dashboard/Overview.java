package eu.dpaledger.reporting.api.dashboard;

import java.time.Instant;

/** The seven panels of the overview, as of one instant. */
public record Overview(Instant asOf, BreachBoard breaches, ObjectionPanel objections, CalendarMonth calendar,
                       OpenObligations open, PortfolioPanel portfolio, AuditPanel audits, TrendPanel trends) {
}
