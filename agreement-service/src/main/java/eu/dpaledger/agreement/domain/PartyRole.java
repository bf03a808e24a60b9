package eu.dpaledger.agreement.domain;

/** The two sides of the agreement. */
public enum PartyRole {
    CONTROLLER,
    PROCESSOR;

    public PartyRole other() {
        return this == CONTROLLER ? PROCESSOR : CONTROLLER;
    }

    /** The token role a caller must hold to act for this party. */
    public String requiredActorRole() {
        return this == CONTROLLER ? Actor.CONTROLLER : Actor.PROCESSOR;
    }
}
