package eu.dpaledger.platform.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Map.entry;

/**
 * Where each rule comes from: rule slug (the last segment of the problem {@code type}) → its source, in the
 * citation forms of docs/DOMAIN.md "Citations" ({@code DPA art. 6.2}, {@code GDPR art. 12(3)},
 * {@code Reg. 1182/71 art. 3(1)}, {@code EDPB Guidelines 9/2022}, or {@value #OURS} for a rule of our own design).
 * Several sources of one rule are joined by {@code "; "}. Every problem document whose type is here carries its
 * source as the member {@code article}; {@code RuleSourcesTest} fails on a slug in the main code without an entry,
 * and on an entry no code answers any more.
 *
 * <p>One entry per line, grouped by who answers it; a slug that several services answer is in "Shared".
 */
public final class RuleSources {

    /**
     * The source of a rule that is our own design, not the law or the seed: input validation, the API's conventions,
     * what docs/DOMAIN.md marks a <b>project rule</b>.
     */
    public static final String OURS = "dpa-ledger rule";

    private static final SortedMap<String, String> SOURCES = table(

            // --- Kernel: HTTP conventions, input limits, security (platform.http, .command, .eventstore, .security)
            entry("already-exists", OURS),
            entry("bad-request", OURS),
            entry("body-required", OURS),
            entry("body-too-large", OURS),
            entry("concurrent-request", OURS),
            entry("dead-letter-handled", OURS), // a dead letter is replayed or discarded once (platform.projection.DeadLetters)
            entry("dead-letter-replay-failed", OURS), // the record still cannot be applied: the letter stays open
            entry("duplicate-key", OURS),
            entry("event-too-large", OURS),
            entry("field-too-long", OURS),
            entry("forbidden-role", OURS),
            entry("idempotency-key-reused", OURS),
            entry("if-match-required", OURS),
            entry("invalid-encoding", OURS),
            entry("invalid-field", OURS),
            entry("invalid-idempotency-key", OURS),
            entry("invalid-if-match", OURS),
            entry("invalid-local", OURS), // ?local= of the personal data access (platform.personaldata)
            entry("malformed-json", OURS),
            entry("method-not-allowed", OURS),
            entry("not-acceptable", OURS),
            entry("organisation-missing", OURS),
            entry("repeated-parameter", OURS),
            entry("reserved-text", OURS), // a text in the form of a sealed personal value (platform.personaldata) // a query parameter given twice (StrictQuery)
            entry("stale-version", OURS),
            entry("unknown-field", OURS),
            entry("unknown-parameter", OURS), // a query parameter the operation does not take (StrictQuery)
            entry("unstorable-character", OURS),
            entry("unsupported-media-type", OURS),

            // --- Kernel: personal data in the ledger (platform.personaldata)
            entry("legal-hold", "GDPR art. 17(3)(e)"),
            entry("personal-data-in-reason", OURS),
            entry("reply-erased", "GDPR art. 17(1)"),

            // --- Kernel: the common refusals (platform.domain.CommonRejections)
            entry("field-required", OURS),
            entry("instant-in-the-future", OURS),
            entry("invalid-country", OURS),
            entry("not-found", OURS), // not a party: 404, so an id leaks nothing

            // --- Shared: answered by several services
            entry("agreement-not-active", "DPA art. 3.1"), // addenda, termination, sub-processor changes: while the DPA runs; instructions also in the exit (DPA art. 11.2-11.3)
            entry("agreement-not-in-force", "DPA art. 3.2"), // audits, breaches, data subject and disclosure requests: they survive termination, a draft binds nobody
            entry("invalid-overdue", OURS),
            entry("invalid-sha256", OURS),
            entry("invalid-status", OURS),
            entry("transfer-outside-eea-without-mechanism", "DPA art. 8.1"),

            // --- agreement-service: parties, content, signing, addenda
            entry("addendum-not-found", OURS),
            entry("addendum-not-pending", "DPA art. 12.3"),
            entry("addendum-pending", OURS),
            entry("agreement-already-exists", OURS),
            entry("agreement-not-draft", "DPA art. 12.3"), // once signed, content changes only by addendum
            entry("agreement-not-found", OURS),
            entry("already-signed", OURS),
            entry("dpo-required", "DPA art. 4.2"),
            entry("empty-addendum", "DPA art. 12.3"),
            entry("invalid-email", OURS),
            entry("invalid-enterprise-number", "DPA preamble"),
            entry("invalid-open", OURS),
            entry("invalid-retention", "DPA annex 1"),
            entry("invalid-setting", OURS),
            entry("not-a-party-of-draft", OURS),
            entry("parties-cannot-change", OURS),
            entry("party-role-required", OURS),
            entry("same-party-on-both-sides", "DPA preamble"),
            entry("signer-not-a-party", "DPA preamble"),
            entry("unknown-information-class", "DPA annex 1"),

            // --- agreement-service: termination and exit
            entry("agreement-not-terminated", "DPA art. 11.2"),
            entry("controller-only-ground", "DPA art. 6.2; DPA art. 11.1"),
            entry("data-already-returned", "DPA art. 11.2"),
            entry("data-return-dated-before-termination", "DPA art. 11.2"),
            entry("destruction-before-data-return", "DPA art. 11.3"),
            entry("destruction-dated-before-data-return", "DPA art. 11.3"),
            entry("no-subprocessor-termination-right", "DPA art. 6.2"),
            entry("notice-of-default-required", "DPA art. 11.1"),
            entry("only-processor", "DPA art. 11.2; DPA art. 11.4"),
            entry("termination-not-yet-effective", "DPA art. 11.2"),

            // --- agreement-service: instructions, disclosure requests, data subject requests
            entry("action-before-approval", "DPA art. 7.2"),
            entry("already-disclosed", OURS),
            entry("controller-already-informed", "DPA art. 2.2"),
            entry("deadline-already-extended", "GDPR art. 12(3)"),
            entry("disclosure-dated-before-receipt", "DPA art. 2.2"),
            entry("extension-after-first-month", "GDPR art. 12(3)"),
            entry("identity-in-clear", OURS),
            entry("instruction-not-awaiting-response", "DPA art. 2.3"),
            entry("instruction-not-flagged", OURS),
            entry("instruction-withdrawn", OURS),
            entry("only-controller-decides", "DPA art. 7.2"),
            entry("only-controller-instructs", "DPA art. 2.2"),
            entry("only-processor-records-disclosure-requests", "DPA art. 2.2"),
            entry("only-processor-registers-forwards-and-acts", "DPA art. 7.2"),
            entry("only-processor-responds", "DPA art. 2.3"),
            entry("request-already-acted-on", OURS),
            entry("request-already-decided", "DPA art. 7.2"),
            entry("request-already-forwarded", "DPA art. 7.2"),
            entry("request-not-forwarded", "DPA art. 7.2"),

            // --- subprocessor-service: change notices, objections, flow-down proof, webhooks
            entry("alternative-for-another-agreement", "DPA art. 6.2"),
            entry("alternative-must-avoid-objected-subprocessor", "DPA art. 6.2"),
            entry("change-already-exists", OURS),
            entry("change-already-objected", "DPA art. 6.1"),
            entry("change-not-objectable", OURS),
            entry("change-not-objected", "DPA art. 6.2"),
            entry("change-not-open", OURS),
            entry("intended-before-objection-window-ends", "DPA art. 6.1"),
            entry("intended-date-in-the-past", "DPA art. 6.1"), // the controller is informed before the engagement
            entry("invalid-event-types", OURS),
            entry("invalid-limit", OURS),
            entry("invalid-cursor", OURS),
            entry("invalid-webhook-url", OURS),
            entry("subscription-not-disabled", OURS), // webhooks (platform/webhooks), every service that hosts them
            entry("delivery-in-flight", OURS),
            entry("objection-window-closed", "DPA art. 6.1"),
            entry("only-controller-objects", "DPA art. 6.1"),
            entry("only-controller-requests-proof", "DPA art. 6.4"),
            entry("only-controller-withdraws-objection", "DPA art. 6.2"),
            entry("only-processor-announces-changes", "DPA art. 6.1"),
            entry("only-processor-provides-proof", "DPA art. 6.4"),
            entry("only-processor-withdraws-or-supersedes", "DPA art. 6.2"),
            entry("subprocessor-already-engaged", OURS),
            entry("subprocessor-not-engaged", OURS),
            // Processor-wide announcements (subprocessor-service): one change for many agreements, art. 6.1 for each.
            entry("no-active-agreements", "DPA art. 6.1"), // a change is announced under an ACTIVE agreement; none to announce to
            entry("unknown-agreement", OURS), // a chosen agreement that is no agreement of the processor (unknown and foreign alike)
            entry("duplicate-agreement", OURS),
            entry("too-many-agreements", OURS),

            // --- audit-service: audits, corrective plans, information requests, calendars
            // assistance requests (DPA art. 7.4, 7.1)
            entry("only-controller-requests-assistance", "DPA art. 7.4"),
            entry("only-processor-assists", "DPA art. 7.4"),
            entry("invalid-assistance-kind", "DPA art. 7.4"),
            entry("invalid-cost-basis", "DPA art. 7.1"),
            entry("due-date-too-soon", OURS), // at least dpa.audit.assistance.minimum-working-days (Reg. 1182/71 art. 3(3))
            entry("assistance-not-awaiting-answer", OURS),
            entry("assistance-not-answered", OURS),
            entry("assistance-request-closed", OURS),
            // the processor's evidence register (DPA art. 4.1, 4.2, 5.2, 7.1)
            entry("only-processor-records-evidence", "DPA art. 7.1"), // the processor shows its art. 4 and 5 compliance
            entry("invalid-review", OURS),
            entry("invalid-expired", OURS),
            entry("only-controller-reviews-evidence", "DPA art. 7.1"),
            entry("invalid-evidence-kind", "DPA art. 7.1"),
            entry("invalid-evidence-dates", "DPA art. 4.2"), // an up-to-date policy: reviewed after its adoption
            entry("evidence-already-reviewed", OURS),
            entry("already-answered", "DPA art. 9.2"),
            entry("audit-already-exists", OURS),
            entry("audit-not-open", OURS),
            entry("audit-not-started", "DPA art. 9.1"),
            entry("audit-notice-too-short", "DPA art. 9.1"),
            entry("audit-on-non-working-day", "DPA art. 9.1"),
            entry("audit-outside-office-hours", "DPA art. 9.1"),
            entry("due-date-in-the-past", OURS),
            entry("finding-not-covered", "DPA art. 9.2"),
            entry("invalid-audit-period", OURS),
            entry("invalid-calendar", OURS),
            entry("invalid-completion", OURS),
            entry("invalid-resubmission-period", "DPA art. 9.2"),
            entry("measure-already-implemented", OURS),
            entry("measure-not-implemented", "DPA art. 9.2"),
            entry("no-plan-needed", "DPA art. 9.2"),
            entry("notice-in-the-future", OURS),
            entry("only-controller-asks", "DPA art. 9.2"),
            entry("only-controller-or-appointed-auditor", "DPA art. 9.1"),
            entry("only-controller-schedules-and-decides", "DPA art. 9.1"),
            entry("only-processor-answers", "DPA art. 9.2"),
            entry("only-processor-submits-plans", "DPA art. 9.2"),
            entry("own-calendar-only", OURS),
            entry("plan-already-approved", "DPA art. 9.2"),
            entry("plan-awaiting-decision", "DPA art. 9.2"),
            entry("plan-not-approved", "DPA art. 9.2"),
            entry("reschedule-without-new-notice", "DPA art. 9.1"),
            entry("serious-finding-requires-plan", "DPA art. 9.2; DPA art. 9.3"),
            entry("unknown-finding", "DPA art. 9.2"),
            entry("unknown-plan-or-measure", OURS),

            // --- breach-service: reports, assessment, notification, communication
            entry("attempt-not-assessed-as-breach", "DPA art. 7.3; GDPR art. 33(1)"),
            entry("breach-already-exists", OURS),
            entry("data-subjects-already-decided", "GDPR art. 34(3); GDPR art. 34(4)"),
            entry("delay-reasons-required", "GDPR art. 33(1)"),
            entry("exemption-conditions-not-met", "GDPR art. 34(3)"),
            entry("inconsistent-report", "DPA art. 7.3"), // awareness only at or before receipt, the kind fixed at receipt
            entry("not-a-serious-attempt", "DPA art. 7.3"),
            entry("justification-required", "EDPB Guidelines 9/2022"),
            entry("nothing-to-supplement", OURS),
            entry("notification-already-final", "GDPR art. 33(4)"),
            entry("notification-phase-out-of-order", "GDPR art. 33(4)"),
            entry("only-controller-assesses-and-notifies", "DPA art. 7.3"),
            entry("only-processor-reports", "DPA art. 7.3"),

            // --- reporting-service: the reporting lists' filters
            entry("invalid-parameter", OURS), // a query parameter's value the list does not take (QueryFilters)
            entry("csrf-token-invalid", OURS) // a form POST without the dashboard's CSRF token (reporting-service)
    );

    private RuleSources() {
    }

    /** The source of the rule with this slug, if the table has it. */
    public static Optional<String> of(String rule) {
        return Optional.ofNullable(rule).map(SOURCES::get);
    }

    /** The whole table, sorted by slug. */
    public static SortedMap<String, String> all() {
        return SOURCES;
    }

    @SafeVarargs
    private static SortedMap<String, String> table(Map.Entry<String, String>... entries) {
        SortedMap<String, String> table = new TreeMap<>();
        for (Map.Entry<String, String> e : entries) {
            if (table.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("rule " + e.getKey() + " is in RuleSources twice");
            }
        }
        return Collections.unmodifiableSortedMap(table);
    }
}
