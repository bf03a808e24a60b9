package eu.dpaledger.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.Contracts;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Events as the four producers publish them (checked against their JSON Schemas before they are written), for the
 * projection tests: a breach, a sub-processor change, an audit and an information request, each a summary after the
 * event plus the event's own payload.
 */
final class Feed {

    static final ObjectMapper JSON = new ObjectMapper();

    private Feed() {
    }

    private static final String PUBLISHED_AT = "2026-03-02T09:00:00Z";

    /** Writes one record (contract-checked) and returns its event id. */
    static String publish(String topic, String type, String key, ObjectNode data) {
        return publishAt(topic, type, key, data, PUBLISHED_AT);
    }

    /** Writes one record (contract-checked) published at {@code time} ({@code ce_time}) and returns its event id. */
    static String publishAt(String topic, String type, String key, ObjectNode data, String time) {
        Set<String> violations = Contracts.violations(type, data.toString());
        if (!violations.isEmpty()) {
            throw new AssertionError("test event violates its producer's contract " + type + ": " + violations);
        }
        return write(topic, type, key, data.toString(), UUID.randomUUID().toString(), time);
    }

    /** Writes a record as is, with this event id (a redelivery repeats one). */
    static String write(String topic, String type, String key, String value, String eventId) {
        return write(topic, type, key, value, eventId, PUBLISHED_AT);
    }

    private static String write(String topic, String type, String key, String value, String eventId, String time) {
        TopicReader.write(topic, key, value, Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type,
                "ce_source", "/test", "ce_subject", key, "ce_time", time, "content-type", "application/json"));
        return eventId;
    }

    // ---------------------------------------------------------------- breaches

    static final String BREACH = "eu.dpaledger.breach.";

    /** A breach summary: reported at {@code receivedAt}, due 24 h after awareness, notification due 72 h after receipt. */
    static ObjectNode breach(String processorAwareAt, String reportDueAt, String receivedAt, String notificationDueAt) {
        ObjectNode b = JSON.createObjectNode();
        b.put("controllerOrg", Tokens.OPWIJK).put("processorOrg", Tokens.ESN).put("authority", "GBA").put("status", "REPORTED")
                .put("description", "Phishing mailbox").put("processorAwareAt", processorAwareAt).put("receivedAt", receivedAt)
                .put("reportDueAt", reportDueAt).put("lateBySeconds", 0).put("controllerAwareAt", receivedAt)
                .put("notificationDueAt", notificationDueAt).put("notificationOpen", true).put("notificationWarned", false)
                .put("notificationMissed", false).putNull("risk").put("kind", "BREACH");
        b.putArray("openObligations").add("ASSESSMENT").add("AUTHORITY_NOTIFICATION");
        return b;
    }

    static String breachEvent(String breachId, String agreementId, long version, String event, ObjectNode payload, ObjectNode summary) {
        ObjectNode data = JSON.createObjectNode().put("breachId", breachId).put("agreementId", agreementId).put("streamVersion", version);
        data.set("event", payload);
        data.set("breach", summary);
        return publish("dpa.breaches", BREACH + event + ".v1", breachId, data);
    }

    static ObjectNode reported(String breachId, String agreementId, ObjectNode summary) {
        ObjectNode e = JSON.createObjectNode().put("breachId", breachId).put("agreementId", agreementId)
                .put("controllerOrg", Tokens.OPWIJK).put("processorOrg", Tokens.ESN).put("authority", "GBA")
                .put("timeZone", "Europe/Brussels").put("reportedBy", "staff-esn")
                .put("receivedAt", summary.get("receivedAt").asText()).put("reportDueAt", summary.get("reportDueAt").asText())
                .put("lateBySeconds", summary.get("lateBySeconds").asLong())
                .put("notificationDueAt", summary.get("notificationDueAt").asText());
        ObjectNode r = e.putObject("report");
        r.putNull("internalContact");
        r.putNull("company");
        r.putNull("foundBy");
        r.putNull("detectedAt");
        r.put("processorAwareAt", summary.get("processorAwareAt").asText());
        r.put("description", summary.get("description").asText());
        r.putNull("occurrence");
        r.putArray("dataClasses");
        r.putNull("otherData");
        r.putNull("personsAffected");
        r.putNull("groupDescription");
        r.putArray("circumstances");
        r.putNull("unintelligible");
        r.putNull("encryption");
        r.putNull("measures");
        return e;
    }

    static ObjectNode riskAssessed(String risk, String at) {
        return JSON.createObjectNode().put("risk", risk).put("justification", "assessed").put("proposedLevel", "LOW")
                .put("proposedScore", 1).put("proposedRisk", risk).put("assessedBy", "dpo-opwijk").put("at", at);
    }

    static ObjectNode notified(String notifiedAt, boolean late) {
        ObjectNode e = JSON.createObjectNode().put("authority", "GBA").put("notifiedAt", notifiedAt).put("reference", "GBA-1")
                .put("phase", "FINAL").put("late", late).put("notifiedBy", "dpo-opwijk").put("at", notifiedAt);
        if (late) {
            e.put("delayReasons", "the weekend");
        } else {
            e.putNull("delayReasons");
        }
        return e;
    }

    // ---------------------------------------------------------------- sub-processor changes

    static final String CHANGE = "eu.dpaledger.subprocessor.";

    static ObjectNode change(String kind, String name, String country, String replaces, String status, String windowEndsAt) {
        ObjectNode c = JSON.createObjectNode();
        c.put("controllerOrg", Tokens.OPWIJK).put("processorOrg", Tokens.ESN).put("timeZone", "Europe/Brussels").put("kind", kind);
        ObjectNode s = c.putObject("subprocessor").put("name", name).putNull("headOffice");
        if (country == null) {
            s.putNull("country");
        } else {
            s.put("country", country);
        }
        if ("US".equals(country)) {
            s.put("transferMechanism", "ADEQUACY_DECISION");
        } else {
            s.putNull("transferMechanism");
        }
        if (replaces == null) {
            c.putNull("replaces");
        } else {
            c.put("replaces", replaces);
        }
        c.put("intendedFrom", "2026-05-01").put("status", status).put("announcedAt", "2026-03-02T09:00:00Z");
        if (windowEndsAt == null) {
            c.putNull("objectionWindowEndsAt");
        } else {
            c.put("objectionWindowEndsAt", windowEndsAt);
        }
        c.put("windowWarned", false).putNull("objectedAt").putNull("terminationRightFrom").put("terminationWarned", false)
                .put("terminationRightGranted", false).putNull("acceptanceBasis").putNull("supersedes");
        return c;
    }

    static String changeEvent(String changeId, String agreementId, long version, String event, ObjectNode payload, ObjectNode summary) {
        ObjectNode data = JSON.createObjectNode().put("changeId", changeId).put("agreementId", agreementId).put("streamVersion", version);
        data.set("event", payload);
        data.set("change", summary);
        return publish("dpa.subprocessors", CHANGE + event + ".v1", changeId, data);
    }

    static ObjectNode announced(String changeId, String agreementId, ObjectNode c) {
        ObjectNode e = JSON.createObjectNode().put("changeId", changeId).put("agreementId", agreementId)
                .put("controllerOrg", Tokens.OPWIJK).put("processorOrg", Tokens.ESN).put("timeZone", "Europe/Brussels")
                .put("kind", c.get("kind").asText());
        e.set("subprocessor", c.get("subprocessor"));
        e.set("replaces", c.get("replaces"));
        e.put("intendedFrom", "2026-05-01").put("reason", "CDN").putNull("supersedes");
        e.set("objectionWindowEndsAt", c.get("objectionWindowEndsAt"));
        return e.put("announcedBy", "staff-esn").put("at", "2026-03-02T09:00:00Z");
    }

    // ---------------------------------------------------------------- audits

    static final String AUDIT = "eu.dpaledger.audit.";

    static ObjectNode audit(String status, String start, String end) {
        ObjectNode a = JSON.createObjectNode();
        a.put("controllerOrg", Tokens.OPWIJK).put("processorOrg", Tokens.ESN).put("auditorOrg", Tokens.AUDIT_FIRM)
                .put("status", status).put("start", start).put("end", end).put("scope", "Hosting security")
                .putNull("planDueAt").put("planOwed", false).putNull("nextMeasureDue").putNull("costBorneBy");
        return a;
    }

    static String auditEvent(String auditId, String agreementId, long version, String event, ObjectNode payload, ObjectNode summary) {
        ObjectNode data = JSON.createObjectNode().put("auditId", auditId).put("agreementId", agreementId).put("streamVersion", version);
        data.set("event", payload);
        data.set("audit", summary);
        return publish("dpa.audits", AUDIT + event + ".v1", auditId, data);
    }

    static ObjectNode scheduled(String auditId, String agreementId, ObjectNode a) {
        return JSON.createObjectNode().put("auditId", auditId).put("agreementId", agreementId).put("controllerOrg", Tokens.OPWIJK)
                .put("processorOrg", Tokens.ESN).put("timeZone", "Europe/Brussels").put("noticeGivenAt", "2026-03-02T09:00:00Z")
                .put("start", a.get("start").asText()).put("end", a.get("end").asText()).put("scope", "Hosting security")
                .putNull("location").put("auditorOrg", Tokens.AUDIT_FIRM).putNull("overrideJustification")
                .put("scheduledBy", "dpo-opwijk").put("at", "2026-03-02T09:00:00Z");
    }

    // ---------------------------------------------------------------- information requests

    static String informationEvent(String requestId, String agreementId, long version, String event, ObjectNode payload,
                                   String dueDate, String answeredAt) {
        ObjectNode data = JSON.createObjectNode().put("requestId", requestId).put("agreementId", agreementId).put("streamVersion", version);
        data.set("event", payload);
        ObjectNode r = data.putObject("request").put("controllerOrg", Tokens.OPWIJK).put("processorOrg", Tokens.ESN)
                .put("question", "Your ISO 27001 certificate?").put("dueDate", dueDate).put("timeZone", "Europe/Brussels")
                .put("status", answeredAt == null ? "OPEN" : "ANSWERED").put("askedAt", "2026-03-02T09:00:00Z");
        if (answeredAt == null) {
            r.putNull("answeredAt");
        } else {
            r.put("answeredAt", answeredAt);
        }
        return publish("dpa.audits", "eu.dpaledger.informationrequest." + event + ".v1", requestId, data);
    }
}
