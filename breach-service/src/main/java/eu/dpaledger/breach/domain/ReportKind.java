package eu.dpaledger.breach.domain;

/**
 * What the processor reports on annex 2 (DPA art. 7.3: "elk Datalek en alle ernstige pogingen tot onrechtmatige
 * of ongeautoriseerde Verwerkingen of toegangen tot Persoonsgegevens"), with the Dutch and English labels of the form.
 */
public enum ReportKind {
    /** A personal data breach: the controller's 72-hour clock (GDPR art. 33(1)) runs from its awareness. */
    BREACH("Datalek", "Personal data breach"),
    /**
     * A serious attempt at unlawful or unauthorised processing of or access to personal data: reported within the
     * 24 hours like a breach, but no GDPR art. 33 clock runs unless the controller assesses it as a breach.
     */
    SERIOUS_ATTEMPT("Ernstige poging tot onrechtmatige of ongeautoriseerde verwerking of toegang",
            "Serious attempt at unlawful or unauthorised processing or access");

    private final String dutch;
    private final String english;

    ReportKind(String dutch, String english) {
        this.dutch = dutch;
        this.english = english;
    }

    /** The kind of a report that names none: a breach (the request field is optional). */
    public static ReportKind orDefault(ReportKind kind) {
        return kind == null ? BREACH : kind;
    }

    public String dutch() {
        return dutch;
    }

    public String english() {
        return english;
    }
}
