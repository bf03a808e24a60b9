package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
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
 * four instants and two clocks, the controller's assessment, notifications and the data subjects.
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
        boolean notificationMissed) {

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

    /** Informed (when, how) or exempted (GDPR 34(3) ground and reason). */
    public record DataSubjects(Instant communicatedAt, String channel, Exemption exemption, String reason, String by,
                               Instant recordedAt) {
    }

    /** The agreement's parties as the report recorded them. */
    public Parties parties() {
        return new Parties(controllerOrg, processorOrg);
    }

    public boolean late() {
        return lateBySeconds > 0;
    }

    /** The authority must still be notified: not assessed as unlikely to result in a risk, and not notified yet. */
    public boolean notificationOpen() {
        return (assessment == null || assessment.risk() != Risk.UNLIKELY) && notifications.isEmpty();
    }

    public boolean finallyNotified() {
        return notifications.stream().anyMatch(n -> n.phase() == Phase.FINAL);
    }

    /** Where the breach stands. */
    public String status() {
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

    /** What the controller still owes: assessment, notification (GDPR 33), communication (GDPR 34, high risk). */
    public List<String> openObligations() {
        List<String> out = new ArrayList<>();
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
                notificationDueAt, assessment, notifications, dataSubjects, notificationWarned, notificationMissed);
    }

    BreachRecord withAwareness(Instant at, String justification, Instant dueAt) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, at, justification, dueAt, assessment, notifications,
                dataSubjects, false, false);
    }

    BreachRecord withAssessment(Assessment newAssessment) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, newAssessment, notifications, dataSubjects, notificationWarned, notificationMissed);
    }

    BreachRecord withNotifications(List<Notification> newNotifications) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, assessment, newNotifications, dataSubjects, notificationWarned, notificationMissed);
    }

    BreachRecord withDataSubjects(DataSubjects newDataSubjects) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, assessment, notifications, newDataSubjects, notificationWarned, notificationMissed);
    }

    BreachRecord withWarnings(boolean warned, boolean missed) {
        return new BreachRecord(breachId, agreementId, controllerOrg, processorOrg, authority, zone, report, history,
                reportedBy, receivedAt, reportDueAt, lateBySeconds, controllerAwareAt, controllerAwarenessJustification,
                notificationDueAt, assessment, notifications, dataSubjects, warned, missed);
    }
}
