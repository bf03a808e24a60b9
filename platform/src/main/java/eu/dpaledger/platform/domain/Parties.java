package eu.dpaledger.platform.domain;

/**
 * The two parties of an agreement by enterprise number. Whether a caller acts as one of them is always
 * role AND organisation: a processor's employee with a controller role is not the controller.
 */
public record Parties(String controllerOrg, String processorOrg) {

    /** Whether the organisation is either party (whatever the caller's role): what may see the agreement at all. */
    public boolean isParty(String organisation) {
        return organisation != null && (organisation.equals(controllerOrg) || organisation.equals(processorOrg));
    }

    /** Acting as this agreement's controller: controller role AND the controller's organisation. */
    public boolean controlledBy(Actor actor) {
        return actor.acts(Actor.CONTROLLER, controllerOrg);
    }

    /** Acting as this agreement's processor: processor role AND the processor's organisation. */
    public boolean processedBy(Actor actor) {
        return actor.acts(Actor.PROCESSOR, processorOrg);
    }

    /** Either party in its own role: who may read what happens under the agreement. */
    public boolean partyInRole(Actor actor) {
        return controlledBy(actor) || processedBy(actor);
    }
}
