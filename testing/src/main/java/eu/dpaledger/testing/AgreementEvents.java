package eu.dpaledger.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Agreement events as agreement-service publishes them on {@code dpa.agreements}, for the services that
 * keep a read model of agreements. Each is checked against agreement-service's published contract
 * (its {@code contracts/} must be on the test classpath), so what a consumer test feeds is what the
 * producer promises.
 */
public final class AgreementEvents {

    public static final String TOPIC = "dpa.agreements";
    public static final String ACTIVATED = "eu.dpaledger.agreement.AgreementActivated.v1";
    public static final String TERMINATED = "eu.dpaledger.agreement.AgreementTerminated.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgreementEvents() {
    }

    /** The Opwijk ↔ ESN seed agreement's shape (annex 1: Level 27, BE; 30-day windows) with these parties. */
    public static ObjectNode summary(String status, String controllerOrg, String processorOrg, String authority) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("status", status);
        summary.putObject("controller").put("name", "Lokaal bestuur Opwijk").put("enterpriseNumber", controllerOrg);
        summary.putObject("processor").put("name", "European Service Network").put("enterpriseNumber", processorOrg);
        summary.put("assignment", "Opbouw en hosting website + hosting Matomo");
        summary.putObject("settings").put("supervisoryAuthority", authority).put("timeZone", "Europe/Brussels")
                .put("subprocessorObjectionDays", 30).put("destructionConfirmationDays", 30);
        summary.put("highestInformationClass", 2);
        summary.putArray("subprocessors").addObject().put("name", "Level 27").put("headOffice", "Hasselt").put("country", "BE")
                .putNull("transferMechanism");
        summary.putArray("processingLocations").addObject().put("country", "BE").putNull("transferMechanism");
        return summary;
    }

    /** Publishes one agreement event (contract-checked) with the given event payload and summary. */
    public static void publish(String agreementId, long version, String type, ObjectNode event, ObjectNode summary, String time) {
        ObjectNode data = JSON.createObjectNode();
        data.put("agreementId", agreementId);
        data.put("streamVersion", version);
        data.set("event", event);
        data.set("agreement", summary);
        String value = data.toString();
        Set<String> violations = Contracts.violations(type, value);
        if (!violations.isEmpty()) {
            throw new AssertionError("test event violates agreement-service's contract " + type + ": " + violations);
        }
        TopicReader.write(TOPIC, agreementId, value, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_source", "/dpa-ledger/agreement-service", "ce_subject", agreementId,
                "ce_time", time, "content-type", "application/json"));
    }

    /** Publishes the activation (version 4) of a new agreement between these parties; returns its id. */
    public static String activated(String controllerOrg, String processorOrg, String authority, String time) {
        String id = UUID.randomUUID().toString();
        publish(id, 4, ACTIVATED, JSON.createObjectNode().put("contentSha256", "a".repeat(64)).put("at", time),
                summary("ACTIVE", controllerOrg, processorOrg, authority), time);
        return id;
    }

    /** Publishes the termination (version 5) of an agreement between these parties. */
    public static void terminated(String agreementId, String controllerOrg, String processorOrg, String authority, String time) {
        publish(agreementId, 5, TERMINATED, JSON.createObjectNode().put("ground", "ASSIGNMENT_ENDED").put("effectiveAt", time)
                        .putNull("noticeOfDefaultReference").put("by", "CONTROLLER").put("at", time),
                summary("TERMINATED", controllerOrg, processorOrg, authority), time);
    }
}
