package eu.dpaledger.reporting.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.infrastructure.projection.ObligationRow;
import eu.dpaledger.reporting.infrastructure.projection.ObligationRow.Progress;
import eu.dpaledger.reporting.infrastructure.projection.ObligationRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static eu.dpaledger.reporting.projection.Feed.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derivation rules alone: which obligations a stream's state holds and where each stands (no Kafka, no database). */
class ObligationRulesTest {

    @Test
    void a_serious_attempt_runs_the_report_clock_but_no_notification_clock() {
        ObjectNode b = Feed.breach("2026-03-01T08:00:00Z", "2026-03-02T08:00:00Z", "2026-03-01T09:00:00Z", "2026-03-04T09:00:00Z")
                .put("kind", "SERIOUS_ATTEMPT").put("status", "ATTEMPT_REPORTED").put("notificationOpen", false);
        List<ObligationRow> rows = ObligationRules.derive(event("eu.dpaledger.breach.BreachReported.v1", breach(b)));

        assertEquals(List.of(ObligationKind.BREACH_REPORT), rows.stream().map(ObligationRow::kind).toList());
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), rows.get(0).metAt());
    }

    @Test
    void a_removal_has_no_objection_window() {
        ObjectNode c = Feed.change("REMOVE", "Level 27", null, null, "ACCEPTED", null);
        assertTrue(ObligationRules.derive(event("eu.dpaledger.subprocessor.ChangeAccepted.v1", change(c))).isEmpty());
    }

    @Test
    void a_window_that_closed_without_objection_is_met_at_its_end() {
        ObjectNode c = Feed.change("ADD", "Bunny.net", "SI", null, "ACCEPTED", "2026-04-02T22:00:00Z");
        ObligationRow window = ObligationRules.derive(event("eu.dpaledger.subprocessor.ChangeAccepted.v1", change(c))).get(0);

        assertEquals(ObligationKind.OBJECTION_WINDOW, window.kind());
        assertEquals(Instant.parse("2026-04-02T22:00:00Z"), window.metAt());
        assertEquals(window.dueAt(), window.metAt());
    }

    @Test
    void a_proposed_alternative_leaves_the_objection_unresolved_as_it_stands() {
        ObjectNode c = Feed.change("ADD", "Cloudflare, Inc.", "US", null, "SUPERSEDED", "2026-04-02T22:00:00Z")
                .put("objectedAt", "2026-03-10T09:00:00Z").put("terminationRightFrom", "2026-06-10T22:00:00Z");
        List<ObligationRow> rows = ObligationRules.derive(event("eu.dpaledger.subprocessor.ChangeSuperseded.v1", change(c)));

        ObligationRow resolution = rows.stream().filter(r -> r.kind() == ObligationKind.OBJECTION_RESOLUTION).findFirst().orElseThrow();
        assertEquals(Progress.UNCHANGED, resolution.progress());
        ObligationRow window = rows.stream().filter(r -> r.kind() == ObligationKind.OBJECTION_WINDOW).findFirst().orElseThrow();
        assertEquals(Progress.MET, window.progress());
    }

    @Test
    void an_amended_instruction_is_open_again_and_a_withdrawn_one_is_cancelled() {
        ObjectNode item = JSON.createObjectNode().put("kind", "INSTRUCTION").put("controllerOrg", "0207511803")
                .put("processorOrg", "0428304785").put("status", "ISSUED").put("open", true).put("controllerVisible", true)
                .put("title", "Keep logs 90 days").putNull("dueAt").put("answerDueOn", "2026-04-01");
        ObligationRow amended = ObligationRules.derive(event("eu.dpaledger.instruction.InstructionAmended.v1", item(item))).get(0);
        assertEquals(Progress.OPEN, amended.progress());
        assertEquals(LocalDate.parse("2026-04-01"), amended.dueOn());
        assertEquals("/instructions/i-1", amended.resourcePath());

        ObligationRow withdrawn = ObligationRules.derive(event("eu.dpaledger.instruction.InstructionWithdrawn.v1",
                item(item.put("status", "WITHDRAWN").put("open", false)))).get(0);
        assertEquals(Instant.parse("2026-03-05T09:00:00Z"), withdrawn.cancelledAt());
    }

    @Test
    void a_request_for_assistance_is_the_processors_to_answer_by_the_current_questions_due_date() {
        ObjectNode summary = JSON.createObjectNode().put("controllerOrg", "0207511803").put("processorOrg", "0428304785")
                .put("kind", "DPIA").put("processing", "Camera surveillance").put("status", "OPEN").put("dueDate", "2027-01-05")
                .put("timeZone", "Europe/Brussels").put("overdue", false).putNull("costBasis").put("requestedAt", "2026-12-18T09:00:00Z")
                .putNull("answeredAt").putNull("closedAt");
        ObligationRow open = ObligationRules.derive(event("eu.dpaledger.assistancerequest.AssistanceRequested.v1", request(summary))).get(0);
        assertEquals(ObligationKind.ASSISTANCE_REQUEST, open.kind());
        assertEquals("DPA art. 7.4", open.kind().article());
        assertEquals(LocalDate.parse("2027-01-05"), open.dueOn());
        assertNull(open.metAt());
        assertEquals("/assistance-requests/ar-1", open.resourcePath());

        ObligationRow answered = ObligationRules.derive(event("eu.dpaledger.assistancerequest.AssistanceProvided.v1",
                request(summary.deepCopy().put("status", "ANSWERED").put("answeredAt", "2026-12-22T10:00:00Z")))).get(0);
        assertEquals(Instant.parse("2026-12-22T10:00:00Z"), answered.metAt());

        ObligationRow withdrawn = ObligationRules.derive(event("eu.dpaledger.assistancerequest.AssistanceRequestClosed.v1",
                request(summary.deepCopy().put("status", "CLOSED").put("closedAt", "2026-12-21T10:00:00Z")))).get(0);
        assertNull(withdrawn.metAt());
        assertEquals(Instant.parse("2026-12-21T10:00:00Z"), withdrawn.cancelledAt(), "closed unanswered: no longer owed");
    }

    @Test
    void an_evidence_item_within_its_warning_period_is_the_processors_to_renew_by_its_date() {
        ObjectNode item = JSON.createObjectNode().put("controllerOrg", "0207511803").put("processorOrg", "0428304785")
                .put("kind", "CERTIFICATION").put("title", "ISO/IEC 27001").put("revision", 1).put("review", "ACKNOWLEDGED")
                .put("expiresAfter", "2027-01-14").put("timeZone", "Europe/Brussels").put("expiring", true).put("expired", false)
                .put("recordedAt", "2026-01-10T09:00:00Z").put("updatedAt", "2026-12-16T07:00:00Z");
        ObligationRow due = ObligationRules.derive(event("eu.dpaledger.evidence.EvidenceExpiring.v1", evidence(item))).get(0);
        assertEquals(ObligationKind.EVIDENCE_RENEWAL, due.kind());
        assertEquals(LocalDate.parse("2027-01-14"), due.dueOn());
        assertEquals("/evidence/ev-1", due.resourcePath());
        assertTrue(due.title().contains("ISO/IEC 27001"), due.title());

        ObligationRow renewed = ObligationRules.derive(event("eu.dpaledger.evidence.EvidenceRevised.v1", evidence(item.deepCopy()
                .put("expiring", false).put("expiresAfter", "2030-01-14").put("updatedAt", "2027-01-05T10:00:00Z")))).get(0);
        assertEquals(Instant.parse("2027-01-05T10:00:00Z"), renewed.metAt());
        assertNull(renewed.dueOn(), "met only where an obligation was open: without a due date no new row is written");
    }

    private static ObjectNode evidence(ObjectNode item) {
        ObjectNode data = JSON.createObjectNode().put("itemId", "ev-1").put("agreementId", "a-1").put("streamVersion", 3);
        data.putObject("event").put("at", "2026-12-16T07:00:00Z");
        data.set("item", item);
        return data;
    }

    private static ObjectNode request(ObjectNode summary) {
        ObjectNode data = JSON.createObjectNode().put("requestId", "ar-1").put("agreementId", "a-1").put("streamVersion", 2);
        data.putObject("event").put("at", "2026-12-22T10:00:00Z");
        data.set("request", summary);
        return data;
    }

    @Test
    void a_gagged_disclosure_request_is_the_processors_alone() {
        ObjectNode item = JSON.createObjectNode().put("kind", "DISCLOSURE_REQUEST").put("controllerOrg", "0207511803")
                .put("processorOrg", "0428304785").put("status", "GAGGED").put("open", true).put("controllerVisible", false)
                .put("title", "Disclosure request (details withheld)").put("dueAt", "2026-03-20T12:00:00Z").putNull("answerDueOn");
        ObjectNode data = item(item);
        data.remove("event");
        data.put("withheld", true);
        ObligationRow row = ObligationRules.derive(event("eu.dpaledger.disclosurerequest.InformingForbidden.v1", data)).get(0);

        assertEquals(ObligationKind.DISCLOSURE, row.kind());
        assertFalse(row.controllerVisible());
        assertNull(row.metAt());
    }

    @Test
    void an_information_request_without_a_due_date_holds_no_obligation() {
        ObjectNode data = JSON.createObjectNode().put("requestId", "r-1").put("agreementId", "a-1").put("streamVersion", 1);
        data.putObject("event");
        data.putObject("request").put("controllerOrg", "0207511803").put("processorOrg", "0428304785").put("question", "?")
                .putNull("dueDate").put("timeZone", "Europe/Brussels").put("status", "OPEN").put("askedAt", "2026-03-02T09:00:00Z")
                .putNull("answeredAt");
        assertTrue(ObligationRules.derive(event("eu.dpaledger.informationrequest.InformationRequested.v1", data)).isEmpty());
    }

    private static ObjectNode breach(ObjectNode summary) {
        ObjectNode data = JSON.createObjectNode().put("breachId", "b-1").put("agreementId", "a-1").put("streamVersion", 1);
        data.putObject("event");
        data.set("breach", summary);
        return data;
    }

    private static ObjectNode change(ObjectNode summary) {
        ObjectNode data = JSON.createObjectNode().put("changeId", "c-1").put("agreementId", "a-1").put("streamVersion", 2);
        data.putObject("event").put("at", "2026-03-05T09:00:00Z");
        data.set("change", summary);
        return data;
    }

    private static ObjectNode item(ObjectNode item) {
        ObjectNode data = JSON.createObjectNode().put("itemId", "i-1").put("agreementId", "a-1").put("streamVersion", 2);
        data.putObject("event").put("at", "2026-03-05T09:00:00Z");
        data.set("item", item.deepCopy());
        return data;
    }

    private static IncomingEvent event(String type, ObjectNode data) {
        String[] parts = type.split("\\.");
        return new IncomingEvent("topic", UUID.randomUUID(), "/test", type, parts[2], parts[3], 1, "s",
                Instant.parse("2026-03-05T09:00:00Z"), data, null);
    }
}
