package eu.dpaledger.audit.domain;

import eu.dpaledger.platform.time.WorkingCalendar;

/**
 * What an audit needs to know of its agreement and of the processor: parties, status, and the
 * processor's working calendar (public holidays, its closing days, office hours) in the agreement's zone.
 */
public record AuditFacts(String agreementId, String status, String controllerOrg, String processorOrg,
                         WorkingCalendar processorCalendar) {

    /** Art. 9 survives termination: audits on active, terminated and closed agreements, not drafts. */
    public boolean allowsAudits() {
        return "ACTIVE".equals(status) || "TERMINATED".equals(status) || "CLOSED".equals(status);
    }

    public boolean isParty(String organisation) {
        return controllerOrg.equals(organisation) || processorOrg.equals(organisation);
    }
}
