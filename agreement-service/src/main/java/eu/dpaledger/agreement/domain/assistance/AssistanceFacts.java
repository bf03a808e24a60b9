package eu.dpaledger.agreement.domain.assistance;

import eu.dpaledger.agreement.domain.Actor;

import java.time.ZoneId;

/** What instructions, disclosure requests and data subject requests need of their agreement. */
public record AssistanceFacts(String agreementId, String status, String controllerOrg, String processorOrg, ZoneId zone) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean isController(Actor actor) {
        return actor.hasRole(Actor.CONTROLLER) && controllerOrg.equals(actor.organisation());
    }

    public boolean isProcessor(Actor actor) {
        return actor.hasRole(Actor.PROCESSOR) && processorOrg.equals(actor.organisation());
    }
}
