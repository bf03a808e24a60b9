package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.ReportKind;
import eu.dpaledger.breach.domain.Risk;
import eu.dpaledger.breach.domain.breach.BreachCommand.Exemption;
import eu.dpaledger.breach.domain.breach.BreachCommand.Phase;
import eu.dpaledger.platform.domain.Parties;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything known about one breach: the report's current values and the history of every field, the
 * four instants and two clocks, the controller's assessment, notifications and the data subjects. A
 * serious attempt (DPA art. 7.3) is one too: {@code kind} SERIOUS_ATTEMPT until the controller assesses it
 * as a breach, with the 24-hour clock only.
 *
 * @param lateBySecondsOnReceipt how late the report was by the awareness it stated on receipt; a corrected
 *                               awareness changes {@code lateBySeconds}, never this (DPA art. 7.3)
 * @param attemptAssessment      the controller's assessment of a serious attempt; null for a breach reported as one
 */
public record BreachRecord(
        String breachId,
        String agreementId,
        String controllerOrg,
        String processorOrg,
        String authority,
        ZoneId zone,
        Annex2 report,
        List<FieldChange> history,
        String reportedBy,
        Instant receivedAt,
        Instant reportDueAt,
        long lateBySeconds,
        Instant controllerAwareAt,
        String controllerAwarenessJustification,
        Instant notificationDueAt,
        Assessment assessment,
        List<Notification> notifications,
        DataSubjects dataSubjects,
        boolean notificationWarned,
        boolean notificationMissed,
        ReportKind kind,
        long lateBySecondsOnReceipt,
        AttemptAssessment attemptAssessment) {

    public BreachRecord {
        history = List.copyOf(history);
        notifications = List.copyOf(notifications);
    }

    /** One value a field took, when and by whom (report or supplement). */
    public record FieldChange(String field, Object value, Instant at, String by, String source) {
    }

    public record Assessment(Risk risk, String justification, String proposedLevel, double proposedScore, Risk proposedRisk,
                             String by, Instant at) {
    }

    public record Notification(String authority, Instant notifiedAt, String reference, Phase phase, String delayReasons,
                               boolean late, String by, Instant recordedAt) {
    }

    /**
     * Informed (when, how) or exempted (GDPR 34(3) ground and reason; for (b) the measures, for (c) the public
     * communication); informed after an exemption (GDPR 34(4)) keeps the exemption it replaces. {@code by} and
     * {@code recordedAt} are the last decision's.
     */
    public record DataSubjects(Instant communicatedAt, String channel, Exemption exemption, String reason, String by,
                               Instant recordedAt, String measures, Instant publicCommunicatedAt, String publicChannel) {

        /** The data subjects were informed one by one (not only exempted). */
        public boolean informed() {
            return communicatedAt != null;
        }
    }

    /** The controller's assessment of a serious attempt: a breach after all, or an attempt only. */
    public record AttemptAssessment(boolean breach, String justification, String by, Instant at) {
    }

    /** A serious attempt the controller has not assessed as a breach: no GDPR art. 33 or 34 duty runs. */
    public boolean attemptOnly() {
        return kind == ReportKind.SERIOUS_ATTEMPT;
    }

    /** The agreement's parties as the report recorded them. */
    public Parties parties() {
        return new Parties(controllerOrg, processorOrg);
    }

    public boolean late() {
        return lateBySeconds > 0;
    }

    /**
     * The authority must still be notified: a breach (not an attempt only), not assessed as unlikely to result
     * in a risk, and not notified yet.
     */
    public boolean notificationOpen() {
        return !attemptOnly() && (assessment == null || assessment.risk() != Risk.UNLIKELY) && notifications.isEmpty();
    }

    public boolean finallyNotified() {
        return notifications.stream().anyMatch(n -> n.phase() == Phase.FINAL);
    }

    /** Where the breach stands. */
    public String status() {
        if (attemptOnly()) {
            return attemptAssessment == null ? "ATTEMPT_REPORTED" : "ATTEMPT_DOCUMENTED";
        }
        if (finallyNotified()) {
            return "NOTIFIED";
        }
        if (!notifications.isEmpty()) {
            return "NOTIFIED_IN_PHASES";
        }
        if (assessment == null) {
            return "REPORTED";
        }
        return assessment.risk() == Risk.UNLIKELY ? "DOCUMENTED" : "AWAITING_NOTIFICATION";
    }

    /**
     * What the controller still owes: assessment, notification (GDPR 33), communication (GDPR 34, high risk); for
     * an attempt only, the assessment of whether it is a breach until it was made.
     */
    public List<String> openObligations() {
        List<String> out = new ArrayList<>();
        if (attemptOnly()) {
            return attemptAssessment == null ? List.of("ASSESSMENT") : List.of();
        }
        if (assessment == null) {
            out.add("ASSESSMENT");
        }
        if (notificationOpen()) {
            out.add("AUTHORITY_NOTIFICATION");
        }
        if (assessment != null && assessment.risk() == Risk.HIGH_RISK && dataSubjects == null) {
            out.add("DATA_SUBJECT_COMMUNICATION");
        }
        return out;
    }

    public boolean notificationOverdue(Instant now) {
        return notificationOpen() && !now.isBefore(notificationDueAt);
    }

    BreachRecord with(Annex2 newReport, List<FieldChange> newHistory, Instant newReportDueAt, long newLateBy) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, newReport, newHistory,
                reportedBy, receivedAt, newReportDueAt, newLateBy, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, assessment, notifications, dataSubjects, notificationWarned, notificationMissed, kind,
                lateBySecondsOnReceipt, attemptAssessment);
    }

    BreachRecord withAwareness(Instant at, String justification, Instant dueAt) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, at, justification, dueAt, assessment, notifications,
                dataSubjects, false, false, kind, lateBySecondsOnReceipt, attemptAssessment);
    }

    BreachRecord withAttemptAssessed(AttemptAssessment newAssessment, ReportKind newKind) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, assessment, notifications, dataSubjects, notificationWarned, notificationMissed, newKind,
                lateBySecondsOnReceipt, newAssessment);
    }

    BreachRecord withAssessment(Assessment newAssessment) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, newAssessment, notifications, dataSubjects, notificationWarned, notificationMissed, kind,
                lateBySecondsOnReceipt, attemptAssessment);
    }

    BreachRecord withNotifications(List<Notification> newNotifications) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, assessment, newNotifications, dataSubjects, notificationWarned, notificationMissed, kind,
                lateBySecondsOnReceipt, attemptAssessment);
    }

    BreachRecord withDataSubjects(DataSubjects newDataSubjects) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, assessment, notifications, newDataSubjects, notificationWarned, notificationMissed, kind,
                lateBySecondsOnReceipt, attemptAssessment);
    }

    BreachRecord withWarnings(boolean warned, boolean missed) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, assessment, notifications, dataSubjects, warned, missed, kind, lateBySecondsOnReceipt,
                attemptAssessment);
    }
}
