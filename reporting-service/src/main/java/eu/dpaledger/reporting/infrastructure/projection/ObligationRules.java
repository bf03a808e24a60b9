package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.AssistanceItemPublished;
import eu.dpaledger.platform.contracts.AssistanceRequestPublished;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.contracts.EvidencePublished;
import eu.dpaledger.platform.contracts.InformationRequestPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.reporting.infrastructure.projection.ObligationRow.Progress;
import eu.dpaledger.reporting.infrastructure.projection.ObligationRow.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static eu.dpaledger.reporting.domain.obligation.ObligationKind.*;

/**
 * Which obligations an event's source stream holds after the event, and where each stands: state-based (from the
 * summary each event publishes, plus the event's own payload where the summary lacks it), so a redelivered or
 * replayed event derives the same rows. docs/DOMAIN.md "Obligations" is the same table in prose. Pure functions.
 */
public final class ObligationRules {

    private static final Set<String> NOTIFIED = Set.of("NOTIFIED", "NOTIFIED_IN_PHASES");
    private static final Set<String> CHANGE_ACCEPTED = Set.of("ACCEPTED", "IN_EFFECT");
    private static final Set<String> CHANGE_CLOSED = Set.of("WITHDRAWN", "SUPERSEDED");
    private static final Set<String> AUDIT_HELD = Set.of("COMPLETED", "PLAN_DUE", "PLAN_SUBMITTED", "PLAN_APPROVED", "CLOSED");
    private static final Set<String> PLAN_IN = Set.of("PLAN_SUBMITTED", "PLAN_APPROVED", "CLOSED");

    private ObligationRules() {
    }

    /** The obligations of the event's stream after it; empty for an event type that bears on none. */
    public static List<ObligationRow> derive(IncomingEvent event) {
        String type = event.type();
        if (type.startsWith(EventTypes.BREACH)) {
            return breach(BreachPublished.of(event), event);
        }
        if (type.startsWith(EventTypes.CHANGE)) {
            return change(SubprocessorChangePublished.of(event), event);
        }
        if (type.startsWith(EventTypes.AUDIT)) {
            return audit(AuditPublished.of(event), event);
        }
        if (type.startsWith(EventTypes.INFORMATION)) {
            return informationRequest(InformationRequestPublished.of(event));
        }
        if (type.startsWith(EventTypes.EVIDENCE)) {
            return evidence(EvidencePublished.of(event));
        }
        if (type.startsWith(EventTypes.ASSISTANCE_REQUEST)) {
            return assistanceRequest(AssistanceRequestPublished.of(event));
        }
        if (type.startsWith(EventTypes.AGREEMENT)) {
            return agreement(AgreementPublished.of(event), event);
        }
        return assistance(AssistanceItemPublished.of(event), event);
    }

    /** DPA art. 7.3 (24 hours to report) and GDPR art. 33(1) (72 hours to notify, unless a risk is unlikely). */
    static List<ObligationRow> breach(BreachPublished published, IncomingEvent event) {
        BreachPublished.Summary b = published.breach();
        Source source = new Source("breach", published.breachId(), published.streamVersion(), published.agreementId(),
                b.controllerOrg(), b.processorOrg(), EventTypes.text(event, "timeZone"), "breach", "/breaches/" + published.breachId());
        List<ObligationRow> rows = new ArrayList<>();
        // Met when received: a report after reportDueAt is DONE_LATE (DPA art. 7.3).
        rows.add(source.met(BREACH_REPORT, b.reportDueAt(), null, b.description(), b.receivedAt()));
        // GDPR art. 33(1): no 72-hour clock runs for a serious attempt the controller has not assessed as a breach.
        if (!"SERIOUS_ATTEMPT".equals(b.kind())) {
            if (NOTIFIED.contains(b.status())) {
                Instant notified = event.type().equals(EventTypes.type(EventTypes.BREACH, "AuthorityNotified"))
                        ? EventTypes.instant(event, "notifiedAt").orElse(EventTypes.at(event)) : EventTypes.at(event);
                rows.add(source.met(AUTHORITY_NOTIFICATION, b.notificationDueAt(), null, b.description(), notified));
            } else if ("UNLIKELY".equals(b.risk())) {
                // GDPR art. 33(1): no notification is owed when a risk is unlikely; the assessment meets the clock.
                rows.add(source.met(AUTHORITY_NOTIFICATION, b.notificationDueAt(), null, b.description(), EventTypes.at(event)));
            } else {
                rows.add(source.open(AUTHORITY_NOTIFICATION, b.notificationDueAt(), null, b.description()));
            }
        }
        return rows;
    }

    /** DPA art. 6.1 (the objection window) and 6.2 (3 months to resolve an objection, then the termination right). */
    static List<ObligationRow> change(SubprocessorChangePublished published, IncomingEvent event) {
        SubprocessorChangePublished.Summary c = published.change();
        Source source = new Source("subprocessorchange", published.changeId(), published.streamVersion(), published.agreementId(),
                c.controllerOrg(), c.processorOrg(), c.timeZone(), "subprocessor", "/subprocessor-changes/" + published.changeId());
        String title = c.kind() + " " + c.subprocessor().name();
        Instant at = EventTypes.at(event);
        List<ObligationRow> rows = new ArrayList<>();
        if (!"REMOVE".equals(c.kind()) && c.objectionWindowEndsAt() != null) {
            Instant ends = c.objectionWindowEndsAt();
            if (c.objectedAt() != null) {
                rows.add(source.met(OBJECTION_WINDOW, ends, null, title, c.objectedAt()));
            } else if (CHANGE_ACCEPTED.contains(c.status())) {
                // DPA art. 6.1: no objection by the window's end is a tacit acceptance, met as the window closes.
                rows.add(source.met(OBJECTION_WINDOW, ends, null, title, ends));
            } else if (CHANGE_CLOSED.contains(c.status())) {
                rows.add(source.row(OBJECTION_WINDOW, ends, null, title, Progress.OPEN, null, at, true));
            } else {
                rows.add(source.open(OBJECTION_WINDOW, ends, null, title));
            }
        }
        if (c.objectedAt() != null && c.terminationRightFrom() != null) {
            // DPA art. 6.2: resolved once the objection's ground goes (TerminationRightLapsed: objection withdrawn, change
            // withdrawn, alternative accepted); a proposed alternative alone resolves nothing, the clock runs on.
            Instant due = c.terminationRightFrom();
            if (event.type().equals(EventTypes.type(EventTypes.CHANGE, "TerminationRightLapsed"))) {
                rows.add(source.met(OBJECTION_RESOLUTION, due, null, title, at));
            } else if ("OBJECTED".equals(c.status())) {
                rows.add(source.open(OBJECTION_RESOLUTION, due, null, title));
            } else if ("SUPERSEDED".equals(c.status())) {
                rows.add(source.row(OBJECTION_RESOLUTION, due, null, title, Progress.UNCHANGED, null, null, true));
            } else {
                rows.add(source.met(OBJECTION_RESOLUTION, due, null, title, at));
            }
        }
        return rows;
    }

    /** DPA art. 9.1 (the audit) and 9.2 (the corrective action plan within a month, its measures by their dates). */
    static List<ObligationRow> audit(AuditPublished published, IncomingEvent event) {
        AuditPublished.Summary a = published.audit();
        Source source = new Source("audit", published.auditId(), published.streamVersion(), published.agreementId(), a.controllerOrg(),
                a.processorOrg(), EventTypes.text(event, "timeZone"), "audit", "/audits/" + published.auditId())
                .withAuditor(a.auditorOrg());
        Instant at = EventTypes.at(event);
        String title = a.scope();
        List<ObligationRow> rows = new ArrayList<>();
        if ("CANCELLED".equals(a.status())) {
            rows.add(source.row(AUDIT, a.end(), null, title, Progress.OPEN, null, at, true));
        } else if (AUDIT_HELD.contains(a.status())) {
            Instant completed = event.type().equals(EventTypes.type(EventTypes.AUDIT, "AuditCompleted"))
                    ? EventTypes.instant(event, "completedAt").orElse(at) : at;
            rows.add(source.met(AUDIT, a.end(), null, title, completed));
        } else {
            rows.add(source.open(AUDIT, a.end(), null, title));
        }
        if (a.planDueAt() != null) {
            // DPA art. 9.2: a rejection (PlanResubmissionRequested) re-opens the plan with its new due instant.
            if (!a.planOwed() && PLAN_IN.contains(a.status())) {
                rows.add(source.met(CORRECTIVE_ACTION_PLAN, a.planDueAt(), null, title, at));
            } else {
                rows.add(source.open(CORRECTIVE_ACTION_PLAN, a.planDueAt(), null, title));
            }
        }
        if (a.nextMeasureDue() != null) {
            rows.add(source.open(CORRECTIVE_MEASURE, null, a.nextMeasureDue(), title));
        } else if (PLAN_IN.contains(a.status())) {
            // No approved measure left unimplemented: met when the last one was (only a row that exists is updated).
            rows.add(source.met(CORRECTIVE_MEASURE, null, null, title, at));
        }
        return rows;
    }

    /** DPA art. 9.2: information on simple request, by the day the controller asked for (none without a due date). */
    static List<ObligationRow> informationRequest(InformationRequestPublished published) {
        InformationRequestPublished.Summary r = published.request();
        if (r.dueDate() == null) {
            return List.of();
        }
        Source source = new Source("informationrequest", published.requestId(), published.streamVersion(), published.agreementId(),
                r.controllerOrg(), r.processorOrg(), r.timeZone(), "audit", "/information-requests/" + published.requestId());
        return List.of(r.answeredAt() == null
                ? source.open(INFORMATION_REQUEST, null, r.dueDate(), r.question())
                : source.met(INFORMATION_REQUEST, null, r.dueDate(), r.question(), r.answeredAt()));
    }

    /**
     * DPA art. 7.4 and 7.1: the processor answers a request for assistance by the due date of its current question. A
     * follow-up question opens it again with its own due date; a request closed without any answer is cancelled.
     */
    static List<ObligationRow> assistanceRequest(AssistanceRequestPublished published) {
        AssistanceRequestPublished.Summary r = published.request();
        Source source = new Source("assistancerequest", published.requestId(), published.streamVersion(), published.agreementId(),
                r.controllerOrg(), r.processorOrg(), r.timeZone(), "audit", "/assistance-requests/" + published.requestId());
        String title = ASSISTANCE_TITLES.getOrDefault(r.kind(), "Assistance") + ": " + r.processing();
        if ("OPEN".equals(r.status())) {
            return List.of(source.open(ASSISTANCE_REQUEST, null, r.dueDate(), title));
        }
        if (r.answeredAt() == null) {
            return List.of(source.row(ASSISTANCE_REQUEST, null, r.dueDate(), title, Progress.OPEN, null,
                    r.closedAt(), true));
        }
        return List.of(source.met(ASSISTANCE_REQUEST, null, r.dueDate(), title, r.answeredAt()));
    }

    /**
     * DPA art. 4.2, 5.2 and 7.1: an item of the processor's evidence register whose review or validity date came within
     * the warning period (or passed) is to be renewed by that date. Renewed (a revision with a later date, not yet
     * within the warning), it is met; an item never warned of is no obligation (a row without a due date is not written).
     */
    static List<ObligationRow> evidence(EvidencePublished published) {
        EvidencePublished.Summary i = published.item();
        Source source = new Source("evidence", published.itemId(), published.streamVersion(), published.agreementId(),
                i.controllerOrg(), i.processorOrg(), i.timeZone(), "audit", "/evidence/" + published.itemId());
        String title = "Renew: " + i.title() + " (" + i.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        if (i.expiring() || i.expired()) {
            return List.of(source.open(EVIDENCE_RENEWAL, null, i.expiresAfter(), title));
        }
        return List.of(source.met(EVIDENCE_RENEWAL, null, null, title, i.updatedAt()));
    }

    private static final java.util.Map<String, String> ASSISTANCE_TITLES = java.util.Map.of("DPIA", "DPIA input",
            "PRIOR_CONSULTATION", "Prior consultation", "SECURITY_OF_PROCESSING", "Security of processing", "OTHER", "Assistance");

    /** DPA art. 11.2 (data return once the termination takes effect) and 11.4 (destruction confirmed within the days agreed). */
    static List<ObligationRow> agreement(AgreementPublished published, IncomingEvent event) {
        Source source = new Source("agreement", published.agreementId(), published.streamVersion(), published.agreementId(),
                published.controllerOrg(), published.processorOrg(), published.settingsOrDefaults().timeZone(), "agreement",
                "/agreements/" + published.agreementId())
                .withNames(published.agreement().controller().name(), published.agreement().processor().name());
        String title = published.agreement().assignment() == null ? "Exit" : published.agreement().assignment();
        String name = event.eventName();
        return switch (name) {
            case "AgreementTerminated" -> List.of(
                    source.open(DATA_RETURN, EventTypes.instant(event, "effectiveAt").orElseThrow(), null, title));
            case "DataReturned" -> List.of(
                    source.met(DATA_RETURN, null, null, title, EventTypes.instant(event, "deliveredAt").orElseThrow()),
                    source.open(DESTRUCTION_CONFIRMATION, EventTypes.instant(event, "destructionConfirmationDueAt").orElseThrow(),
                            null, title));
            case "DestructionConfirmed" -> List.of(
                    source.met(DESTRUCTION_CONFIRMATION, null, null, title, EventTypes.instant(event, "confirmedAt").orElseThrow()));
            default -> List.of();
        };
    }

    /**
     * DPA art. 2.3 (an instruction answered by its effective date), 2.2 (a binding disclosure by the authority's due
     * instant), 7.2 (a data subject's request forwarded without delay) and GDPR art. 12(3) (the controller's answer).
     */
    static List<ObligationRow> assistance(AssistanceItemPublished published, IncomingEvent event) {
        AssistanceItemPublished.Item item = published.item();
        Instant at = EventTypes.at(event);
        String id = published.itemId();
        return switch (item.kind()) {
            case AssistanceItemPublished.INSTRUCTION -> {
                if (item.answerDueOn() == null) {
                    yield List.of();
                }
                Source source = assistanceSource("instruction", published, "/instructions/" + id);
                yield List.of(switch (item.status()) {
                    // An amendment puts a new text before the processor: it is open again with the new date.
                    case "ISSUED" -> source.open(INSTRUCTION_RESPONSE, null, item.answerDueOn(), item.title());
                    case "WITHDRAWN" -> source.row(INSTRUCTION_RESPONSE, null, item.answerDueOn(), item.title(),
                            Progress.UNCHANGED, null, at, true);
                    default -> source.met(INSTRUCTION_RESPONSE, null, item.answerDueOn(), item.title(), at);
                });
            }
            case AssistanceItemPublished.DISCLOSURE_REQUEST -> {
                if (item.dueAt() == null) {
                    yield List.of();
                }
                Source source = assistanceSource("disclosurerequest", published, "/disclosure-requests/" + id);
                Instant disclosed = EventTypes.instant(event, "disclosedAt").orElse(at);
                // DPA art. 2.2: hidden from the controller while the law forbids informing it.
                yield List.of(item.open()
                        ? source.row(DISCLOSURE, item.dueAt(), null, item.title(), Progress.OPEN, null, null, item.controllerVisible())
                        : source.row(DISCLOSURE, item.dueAt(), null, item.title(), Progress.MET, disclosed, null, item.controllerVisible()));
            }
            default -> {
                Source source = assistanceSource("datasubjectrequest", published, "/data-subject-requests/" + id);
                List<ObligationRow> rows = new ArrayList<>();
                boolean forwarded = item.controllerVisible();
                // DPA art. 7.2: dueAt is published only while the request waits to be forwarded; the stored due stands after.
                rows.add(source.row(DATA_SUBJECT_FORWARDING, forwarded ? null : item.dueAt(), null, item.title(),
                        forwarded ? Progress.MET : Progress.OPEN, forwarded ? at : null, null, forwarded));
                if (item.answerDueOn() != null) {
                    // GDPR art. 12(3): answered once nothing is left to do (rejected, or acted on after approval).
                    rows.add(source.row(DATA_SUBJECT_ANSWER, null, item.answerDueOn(), item.title(),
                            item.open() ? Progress.OPEN : Progress.MET, item.open() ? null : at, null, forwarded));
                }
                yield rows;
            }
        };
    }

    private static Source assistanceSource(String type, AssistanceItemPublished published, String path) {
        AssistanceItemPublished.Item item = published.item();
        return new Source(type, published.itemId(), published.streamVersion(), published.agreementId(), item.controllerOrg(),
                item.processorOrg(), null, "agreement", path);
    }
}
