package eu.dpaledger.reporting.domain.obligation;

/**
 * Every kind of legal obligation (or right with a deadline) the dashboard follows, with the party that must act,
 * the source of its clock and how its "due soon" is measured. docs/DOMAIN.md "Obligations" lists the same table.
 */
public enum ObligationKind {
    /** The processor reports a breach within 24 hours of becoming aware (DPA art. 7.3). */
    BREACH_REPORT(ActingParty.PROCESSOR, "DPA art. 7.3", Clock.HOURS),
    /** The controller assesses and notifies the authority within 72 hours of becoming aware (GDPR art. 33(1)). */
    AUTHORITY_NOTIFICATION(ActingParty.CONTROLLER, "GDPR art. 33(1)", Clock.HOURS),
    /** The controller's window to object to a sub-processor change (DPA art. 6.1). */
    OBJECTION_WINDOW(ActingParty.CONTROLLER, "DPA art. 6.1", Clock.DAYS),
    /** After an objection, the processor resolves it within 3 months, or the controller may terminate (DPA art. 6.2). */
    OBJECTION_RESOLUTION(ActingParty.PROCESSOR, "DPA art. 6.2", Clock.DAYS),
    /** A scheduled audit, to be held and completed (DPA art. 9.1). */
    AUDIT(ActingParty.CONTROLLER, "DPA art. 9.1", Clock.DAYS),
    /** The processor's corrective action plan within a month of the deficiencies (DPA art. 9.2). */
    CORRECTIVE_ACTION_PLAN(ActingParty.PROCESSOR, "DPA art. 9.2", Clock.DAYS),
    /** The next approved corrective measure, implemented by its date (DPA art. 9.2). */
    CORRECTIVE_MEASURE(ActingParty.PROCESSOR, "DPA art. 9.2", Clock.DAYS),
    /** The processor answers the controller's information request by its due date (DPA art. 9.2). */
    INFORMATION_REQUEST(ActingParty.PROCESSOR, "DPA art. 9.2", Clock.DAYS),
    /** The processor answers the controller's request for assistance (DPIA, prior consultation, security) by its due date (DPA art. 7.4). */
    ASSISTANCE_REQUEST(ActingParty.PROCESSOR, "DPA art. 7.4", Clock.DAYS),
    /**
     * The processor renews an item of its evidence register (security policy review, staff attestation, certificate)
     * by its date, once it is within the warning period (DPA art. 4.2, 5.2, 7.1).
     */
    EVIDENCE_RENEWAL(ActingParty.PROCESSOR, "DPA art. 7.1", Clock.DAYS),
    /** The processor acknowledges or flags a written instruction before it takes effect (DPA art. 2.3). */
    INSTRUCTION_RESPONSE(ActingParty.PROCESSOR, "DPA art. 2.3", Clock.DAYS),
    /** A binding disclosure request: the processor discloses by the authority's due date (DPA art. 2.2). */
    DISCLOSURE(ActingParty.PROCESSOR, "DPA art. 2.2", Clock.DAYS),
    /** The processor forwards a data subject's request to the controller without delay (DPA art. 7.2). */
    DATA_SUBJECT_FORWARDING(ActingParty.PROCESSOR, "DPA art. 7.2", Clock.HOURS),
    /** The controller answers the data subject within a month, extendable once (GDPR art. 12(3)). */
    DATA_SUBJECT_ANSWER(ActingParty.CONTROLLER, "GDPR art. 12(3)", Clock.DAYS),
    /** The processor hands the data back once the termination takes effect (DPA art. 11.2). */
    DATA_RETURN(ActingParty.PROCESSOR, "DPA art. 11.2", Clock.DAYS),
    /** The processor confirms the destruction within the agreed days after the hand-over (DPA art. 11.4). */
    DESTRUCTION_CONFIRMATION(ActingParty.PROCESSOR, "DPA art. 11.4", Clock.DAYS);

    /** Which party's move the obligation waits for. */
    public enum ActingParty { CONTROLLER, PROCESSOR }

    /** How "due soon" is measured for the kind: the organisation's hours setting or its days setting. */
    public enum Clock { HOURS, DAYS }

    private final ActingParty actingParty;
    private final String article;
    private final Clock clock;

    ObligationKind(ActingParty actingParty, String article, Clock clock) {
        this.actingParty = actingParty;
        this.article = article;
        this.clock = clock;
    }

    public ActingParty actingParty() {
        return actingParty;
    }

    /** The source of the clock, in the citation form of docs/DOMAIN.md. */
    public String article() {
        return article;
    }

    public Clock clock() {
        return clock;
    }
}
