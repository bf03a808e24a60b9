package eu.dpaledger.breach.domain;

import java.time.ZoneId;

/**
 * What a breach needs to know of its agreement (from the read model of {@code dpa.agreements}): parties,
 * status, the controller's supervisory authority (GBA, or VTC for Flemish public bodies) and time zone.
 */
public record BreachFacts(String agreementId, String status, String controllerOrg, String processorOrg,
                          String authority, ZoneId zone) {

    /** Art. 7 survives termination: breaches are reported on active, terminated and closed agreements, not drafts. */
    public boolean acceptsReports() {
        return "ACTIVE".equals(status) || "TERMINATED".equals(status) || "CLOSED".equals(status);
    }

    public boolean isParty(String organisation) {
        return controllerOrg.equals(organisation) || processorOrg.equals(organisation);
    }
}
