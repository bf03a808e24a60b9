package eu.dpaledger.platform.time;

import java.time.Instant;

/** The legal clocks of the domain with their counting rules, stated as data next to their source article. */
public enum LegalClock {

    /** Processor informs the controller of a personal data breach within 24 hours. */
    BREACH_REPORT(PeriodRule.hours(24), "DPA art. 7.3"),
    /** Controller notifies the supervisory authority within 72 hours of becoming aware. */
    AUTHORITY_NOTIFICATION(PeriodRule.hours(72), "GDPR art. 33(1)"),
    /**
     * At least 10 days' notice of an audit. A minimum notice is counted back from the audit and not extended (Reg.
     * 1182/71 art. 3(4), second subparagraph): its deadline is the earliest moment the audit may start.
     */
    AUDIT_NOTICE(PeriodRule.days(10).notExtended(), "DPA art. 9.1"),
    /** Processor submits a corrective action plan within one month of the audit report. */
    CORRECTIVE_ACTION_PLAN(PeriodRule.months(1), "DPA art. 9.2"),
    /** Negotiation about an objected sub-processor lasts at most three months. */
    SUBPROCESSOR_NEGOTIATION(PeriodRule.months(3), "DPA art. 6.2"),
    /** Controller answers a data subject's request within one month. */
    DATA_SUBJECT_ANSWER(PeriodRule.months(1), "GDPR art. 12(3)");

    private final PeriodRule rule;
    private final String source;

    LegalClock(PeriodRule rule, String source) {
        this.rule = rule;
        this.source = source;
    }

    public PeriodRule rule() {
        return rule;
    }

    /** The article that sets this clock. */
    public String source() {
        return source;
    }

    public Instant deadline(Instant start, WorkingCalendar calendar) {
        return Periods.deadline(rule, start, calendar);
    }

    /**
     * The rule for a period in days that an agreement sets itself (e.g. objection window, destruction confirmation):
     * calendar days, ending on a working day (Reg. 1182/71 art. 3(4), first subparagraph).
     */
    public static PeriodRule agreementDays(long days) {
        return PeriodRule.days(days);
    }
}
