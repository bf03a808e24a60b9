package eu.dpaledger.breach.domain;

/**
 * Annex 2, "data classification": the categories of personal data involved (several may apply), with
 * the form's Dutch and English labels and the W3C Data Privacy Vocabulary term they map to.
 */
public enum DataClass {
    A("geen, niet herleidbaar tot een persoon", "none, not traceable to a person", null),
    B("identificatiegegevens (naam, adres)", "identification data (name, address)", "pd:Identifying"),
    C("telefoonnummers", "phone numbers", "pd:TelephoneNumber"),
    D("e-mailadressen, sociale media ID's", "e-mail addresses, social media IDs", "pd:EmailAddress"),
    E("gebruikersnamen, wachtwoorden, inloggegevens, klantnummers", "user names, passwords, login data, customer numbers",
            "pd:Authenticating"),
    F("financiële gegevens (rekening-, kredietkaartnummers)", "financial data (account, credit card numbers)",
            "pd:FinancialAccountNumber"),
    G("rijksregisternummer", "national register number", "pd:OfficialID"),
    H("kopieën van identiteitsdocumenten", "copies of identity documents", "pd:OfficialID"),
    I("demografische kenmerken", "demographic traits", "pd:Demographic"),
    J("religie of levensbeschouwing, ras, politieke opvatting, vakbondslidmaatschap",
            "religion or belief, race, political opinion, trade union membership", "pd:ReligiousBelief"),
    K("gezondheid of seksuele geaardheid", "health or sexual orientation", "pd:MedicalHealth"),
    L("strafrechtelijke gegevens", "criminal data", "pd:Criminal"),
    M("financiële of economische situatie (schulden, salaris)", "financial or economic situation (debts, salary)",
            "pd:Financial"),
    N("afgeleide financiële gegevens (inkomensklasse, eigendom woning of auto)",
            "derived financial data (income bracket, home or car ownership)", "pd:Income"),
    O("levensstijlkenmerken", "lifestyle traits", "pd:Behavioral"),
    P("gegevens uit (openbare) sociale profielen", "data from (public) social profiles", "pd:SocialMedia"),
    Q("andere", "other", "dpv:PersonalData");

    private final String dutch;
    private final String english;
    private final String dpv;

    DataClass(String dutch, String english, String dpv) {
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

    /** The DPV term (prefix {@code pd:} = https://w3id.org/dpv/pd#, {@code dpv:} = https://w3id.org/dpv#); null for A. */
    public String dpv() {
        return dpv;
    }
}
