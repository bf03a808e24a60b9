package eu.dpaledger.agreement.domain.content;

/** The two sides of the agreement. */
public enum PartyRole {
    CONTROLLER,
    PROCESSOR;

    public PartyRole other() {
        return this == CONTROLLER ? PROCESSOR : CONTROLLER;
    }
}
