package eu.dpaledger.audit.application;

import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.time.WorkingCalendar;

/**
 * What an audit command needs besides its stream: the agreement's facts (from the kernel's directory) and the
 * processor's working calendar in the agreement's zone, which decides when it can be audited (art. 9.1).
 */
public record AuditContext(AgreementFacts agreement, WorkingCalendar processorCalendar) {
}
