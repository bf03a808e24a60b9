package eu.dpaledger.agreement.domain.content;

/** The authority the controller notifies of breaches (GDPR 33). */
public enum SupervisoryAuthority {
    /** Gegevensbeschermingsautoriteit, the Belgian data protection authority. */
    GBA,
    /** Vlaamse Toezichtcommissie: the authority for Flemish public bodies (municipalities, OCMWs, districts). */
    VTC
}
