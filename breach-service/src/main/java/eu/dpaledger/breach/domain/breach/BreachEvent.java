package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.Risk;
import eu.dpaledger.breach.domain.breach.BreachCommand.Exemption;
import eu.dpaledger.breach.domain.breach.BreachCommand.Phase;

import java.time.Instant;
import java.util.List;

/** What happened to a breach; the record's simple name is the event type. */
public sealed interface BreachEvent {

    /**
     * The processor's report reached the controller at {@code receivedAt}. {@code reportDueAt} =
     * processor aware + 24 h (art. 7.3); {@code lateBySeconds} > 0 when it came after that. The controller
     * is taken to be aware on receipt (EDPB 9/2022), so {@code notificationDueAt} = receipt + 72 h. For a
     * serious attempt ({@code report.kind} SERIOUS_ATTEMPT) that clock does not run (GDPR art. 33 applies to
     * breaches): {@code notificationDueAt} is then only what it would be, until {@link AttemptAssessed} says breach.
     */
    record BreachReported(String breachId, String agreementId, String controllerOrg, String processorOrg, String authority,
                          String timeZone, Annex2 report, String reportedBy, Instant receivedAt, Instant reportDueAt,
                          long lateBySeconds, Instant notificationDueAt) implements BreachEvent {
    }

    /** The processor added or corrected the fields named in {@code fields} (GDPR 33(4)). */
    record BreachSupplemented(Annex2 changes, List<String> fields, String supplementedBy, Instant at,
                              Instant reportDueAt, long lateBySeconds) implements BreachEvent {
    }

    /** The controller set when it became aware, with its justification; the 72 hours run from then. */
    record ControllerAwarenessSet(Instant controllerAwareAt, String justification, String setBy, Instant at,
                                  Instant notificationDueAt) implements BreachEvent {
    }

    /**
     * The controller's assessment, next to the severity the service proposed (ENISA) from the report at that time;
     * {@code proposalProvisional} when that proposal rested on fields not yet known (null in events before it was recorded).
     */
    record RiskAssessed(Risk risk, String justification, String proposedLevel, double proposedScore, Risk proposedRisk,
                        String assessedBy, Instant at, Boolean proposalProvisional) implements BreachEvent {
    }

    /**
     * The controller assessed a reported serious attempt (DPA art. 7.3): a personal data breach after all
     * ({@code breach}; it is aware from {@code controllerAwareAt} and the 72 hours of GDPR art. 33(1) run to
     * {@code notificationDueAt}), or an attempt only, documented (both instants null).
     */
    record AttemptAssessed(boolean breach, String justification, Instant controllerAwareAt, Instant notificationDueAt,
                           String assessedBy, Instant at) implements BreachEvent {
    }

    /** The controller notified the authority; {@code late} when after the 72 hours (then with the reasons). */
    record AuthorityNotified(String authority, Instant notifiedAt, String reference, Phase phase, String delayReasons,
                             boolean late, String notifiedBy, Instant at) implements BreachEvent {
    }

    /** The controller communicated the breach to the data subjects (GDPR 34). */
    record DataSubjectsInformed(Instant communicatedAt, String channel, String informedBy, Instant at) implements BreachEvent {
    }

    /**
     * The controller relies on a GDPR 34(3) exemption instead of informing the data subjects: for (b) with the
     * {@code measures} relied on, for (c) with the public communication made in its place ({@code publicCommunicatedAt},
     * {@code publicChannel}); the three are null otherwise, and in events recorded before they existed.
     */
    record DataSubjectCommunicationExempted(Exemption exemption, String reason, String decidedBy, Instant at,
                                            String measures, Instant publicCommunicatedAt, String publicChannel)
            implements BreachEvent {
    }

    /** The 72-hour notification deadline is near and no notification was recorded. */
    record NotificationDeadlineApproaching(Instant notificationDueAt, Instant at) implements BreachEvent {
    }

    /** The 72 hours passed without a notification: a later one must give its reasons (GDPR 33(1)). */
    record NotificationDeadlineMissed(Instant notificationDueAt, Instant at) implements BreachEvent {
    }
}
