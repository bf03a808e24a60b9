package eu.dpaledger.breach.domain;

/** Annex 2, "circumstances": what happened to the data, and which security property that breaches (DPV eu-gdpr). */
public enum Circumstance {
    A("enkel ingekeken", "read only", "eu-gdpr:ConfidentialityBreach"),
    B("gekopieerd", "copied", "eu-gdpr:ConfidentialityBreach"),
    C("gewijzigd", "altered", "eu-gdpr:IntegrityBreach"),
    D("verwijderd of vernietigd", "deleted or destroyed", "eu-gdpr:AvailabilityBreach"),
    E("diefstal", "theft", "eu-gdpr:AvailabilityBreach"),
    F("nog niet bekend", "not yet known", null);

    private final String dutch;
    private final String english;
    private final String dpv;

    Circumstance(String dutch, String english, String dpv) {
        this.dutch = dutch;
        this.english = english;
        this.dpv = dpv;
    }

    public String dutch() {
        return dutch;
    }

    public String english() {
        return english;
    }

    /** The DPV breach term ({@code eu-gdpr:} = https://w3id.org/dpv/legal/eu/gdpr#), null when not yet known. */
    public String dpv() {
        return dpv;
    }
}
