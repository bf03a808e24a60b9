package eu.dpaledger.platform.domain;

import java.time.ZoneId;

/**
 * What a command under an agreement needs to know of it, the same in every service: its parties, its
 * status and the settings that turn the agreement's clocks into numbers (docs/DOMAIN.md "Settings").
 * Services other than agreement-service read it from the kernel's agreement directory (fed by the
 * summary agreement-service publishes); agreement-service builds it from the aggregate itself.
 *
 * @param status                      DRAFT, SIGNING, ACTIVE, TERMINATED or CLOSED
 * @param supervisoryAuthority        the controller's authority (GBA, or VTC for Flemish public bodies)
 * @param zone                        the controller's time zone, in which days are counted
 * @param subprocessorObjectionDays   the objection window for a new sub-processor (DPA art. 6.1)
 * @param destructionConfirmationDays time to confirm destruction after the data return (DPA art. 11.4)
 */
public record AgreementFacts(String agreementId, String status, Parties parties, String supervisoryAuthority, ZoneId zone,
                             int subprocessorObjectionDays, int destructionConfirmationDays) {

    public static final String ACTIVE = "ACTIVE";
    public static final String TERMINATED = "TERMINATED";
    public static final String CLOSED = "CLOSED";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /**
     * Whether obligations that survive the agreement still run: signed once (active, terminated or closed),
     * never a draft. Breach reporting (DPA art. 7) and audits (DPA art. 9) survive termination by DPA art. 3.2.
     */
    public boolean wasSigned() {
        return ACTIVE.equals(status) || TERMINATED.equals(status) || CLOSED.equals(status);
    }

    public String controllerOrg() {
        return parties.controllerOrg();
    }

    public String processorOrg() {
        return parties.processorOrg();
    }
}
