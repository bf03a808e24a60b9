package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.EventPayload;
import eu.dpaledger.platform.json.UtcInstants;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.util.Set;

/**
 * The event types this service knows on its four topics (the producers' {@code contracts/}, all {@code .v1}), and the
 * instant an event carries. A type outside these sets is a newer producer's: the projections answer {@code UNKNOWN}.
 */
public final class EventTypes {

    public static final String AGREEMENT = "eu.dpaledger.agreement.";
    public static final String INSTRUCTION = "eu.dpaledger.instruction.";
    public static final String DISCLOSURE = "eu.dpaledger.disclosurerequest.";
    public static final String DATA_SUBJECT = "eu.dpaledger.datasubjectrequest.";
    public static final String CHANGE = "eu.dpaledger.subprocessor.";
    public static final String ANNOUNCEMENT = "eu.dpaledger.subprocessorannouncement.";
    public static final String BREACH = "eu.dpaledger.breach.";
    public static final String AUDIT = "eu.dpaledger.audit.";
    public static final String INFORMATION = "eu.dpaledger.informationrequest.";
    public static final String ASSISTANCE_REQUEST = "eu.dpaledger.assistancerequest.";
    public static final String EVIDENCE = "eu.dpaledger.evidence.";

    static final Set<String> AGREEMENTS = types(AGREEMENT, "AddendumInForce", "AddendumProposed", "AddendumSigned", "AddendumWithdrawn",
            "AgreementActivated", "AgreementClosed", "AgreementSigned", "AgreementTerminated", "DataReturned", "DestructionConfirmed",
            "DraftCreated", "DraftEdited", "SignaturesVoided");
    static final Set<String> ASSISTANCE = union(
            types(INSTRUCTION, "InstructionIssued", "InstructionAcknowledged", "InstructionFlagged", "InstructionConfirmed",
                    "InstructionAmended", "InstructionWithdrawn"),
            types(DISCLOSURE, "DisclosureRequestReceived", "InformingForbidden", "ControllerInformed", "DataDisclosed"),
            types(DATA_SUBJECT, "DataSubjectRequestRegistered", "RequestForwarded", "RequestDecided", "AnswerDeadlineExtended",
                    "RequestActedOn"));
    static final Set<String> CHANGES = types(CHANGE, "ChangeAnnounced", "ChangeAccepted", "ChangeSuperseded", "ChangeTookEffect",
            "ChangeWithdrawn", "ObjectionRaised", "ObjectionWindowClosingSoon", "ObjectionWithdrawn", "TerminationRightApproaching",
            "TerminationRightGranted", "TerminationRightLapsed");
    static final Set<String> PROOFS = types(CHANGE, "FlowDownProofRequested", "FlowDownProofProvided");
    /** Processor-wide announcements (DPA art. 6.1 to many agreements): the processor's only; each notice is a change above. */
    static final Set<String> ANNOUNCEMENTS = types(ANNOUNCEMENT, "AnnouncementMade", "AnnouncementNoticesIssued", "AnnouncementCompleted");
    static final Set<String> BREACHES = types(BREACH, "BreachReported", "BreachSupplemented", "AttemptAssessed", "AuthorityNotified",
            "ControllerAwarenessSet", "DataSubjectCommunicationExempted", "DataSubjectsInformed", "NotificationDeadlineApproaching",
            "NotificationDeadlineMissed", "RiskAssessed");
    static final Set<String> AUDITS = types(AUDIT, "AuditScheduled", "AuditRescheduled", "AuditCancelled", "AuditCompleted",
            "FindingRecorded", "PlanSubmitted", "PlanDecided", "PlanResubmissionRequested", "PlanOverdue", "MeasureImplemented",
            "MeasureOverdue", "MeasureVerified");
    static final Set<String> INFORMATION_REQUESTS = types(INFORMATION, "InformationRequested", "InformationProvided");
    static final Set<String> ASSISTANCE_REQUESTS = types(ASSISTANCE_REQUEST, "AssistanceRequested", "AssistanceProvided",
            "FollowUpAsked", "AssistanceRequestClosed", "AssistanceOverdue");
    static final Set<String> EVIDENCE_ITEMS = types(EVIDENCE, "EvidenceRecorded", "EvidenceRevised", "EvidenceAcknowledged",
            "EvidenceDisputed", "EvidenceExpiring", "EvidenceExpired");

    /** Every type of the four topics: what a webhook subscription here may receive. */
    public static final Set<String> ALL = union(AGREEMENTS, ASSISTANCE, CHANGES, PROOFS, ANNOUNCEMENTS, BREACHES, AUDITS,
            INFORMATION_REQUESTS, ASSISTANCE_REQUESTS, EVIDENCE_ITEMS);

    private EventTypes() {
    }

    static String type(String prefix, String name) {
        return prefix + name + ".v1";
    }

    private static Set<String> types(String prefix, String... names) {
        return Set.of(java.util.Arrays.stream(names).map(n -> type(prefix, n)).toArray(String[]::new));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Set.of(java.util.Arrays.stream(sets).flatMap(Set::stream).toArray(String[]::new));
    }

    /** The event's own instant: its payload's {@code at} when it has one (a withheld payload has none), else the envelope's. */
    static Instant at(IncomingEvent event) {
        return instant(event, "at").orElse(event.time());
    }

    /** The instant a row records as its last change: the event's own, else the envelope's, else the epoch (never null). */
    static java.time.OffsetDateTime stamp(IncomingEvent event) {
        Instant at = at(event);
        return (at == null ? Instant.EPOCH : at).atOffset(java.time.ZoneOffset.UTC);
    }

    static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /** An instant field of the event's own payload, if present. */
    static java.util.Optional<Instant> instant(IncomingEvent event, String field) {
        var node = payload(event).path(field);
        // Without a formatter for the shape producers write (a tenth of an obligations rebuild's samples went to it).
        return node.isTextual() ? java.util.Optional.of(UtcInstants.parseOffset(node.asText())) : java.util.Optional.empty();
    }

    /** A text field of the event's own payload, or null. */
    static String text(IncomingEvent event, String field) {
        var node = payload(event).path(field);
        return node.isTextual() ? node.asText() : null;
    }

    /**
     * The event's own payload: from its contract record when a projection has read that already (the record's JSON is
     * then read once), else from the event's tree; a missing node when there is none.
     */
    private static com.fasterxml.jackson.databind.JsonNode payload(IncomingEvent event) {
        return event.alreadyRead(EventPayload.class)
                .map(p -> p.event() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : p.event())
                .orElseGet(() -> event.data().path("event"));
    }
}
