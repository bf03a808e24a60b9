package eu.dpaledger.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.audit.application.AuditScheduler;
import eu.dpaledger.audit.infrastructure.AuditEventTypes;
import eu.dpaledger.platform.contracts.AssistanceRequestPublished;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.contracts.EvidencePublished;
import eu.dpaledger.platform.contracts.InformationRequestPublished;
import eu.dpaledger.platform.contracts.PersonalDataErasedPublished;
import eu.dpaledger.platform.contracts.PublishedContracts;
import eu.dpaledger.platform.time.LegalClock;
import eu.dpaledger.platform.time.Periods;
import eu.dpaledger.platform.time.WorkingCalendar;
import eu.dpaledger.testing.Contracts;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static eu.dpaledger.audit.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audits and information requests over HTTP against the real database and broker, with a controllable clock. */
@QuarkusTest
class AuditFlowTest {

    @Inject
    AuditScheduler scheduler;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void the_controller_schedules_with_proper_notice_and_the_processor_cannot() {
        String agreement = activeAgreement();
        String id = schedule(controllerToken(), agreement, audit()).statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("SCHEDULED")).body("cost.borneBy", equalTo("CONTROLLER"))
                .body("schedule.auditorOrg", equalTo(Tokens.AUDIT_FIRM)).extract().path("id");
        schedule(processorToken(), agreement, audit()).statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "only-controller-schedules-and-decides"));
        schedule(Tokens.controller(Tokens.VOORBEELD), agreement, audit()).statusCode(404);
        audit(processorToken(), id).statusCode(200);
        audit(auditorToken(), id).statusCode(200);
        audit(Tokens.auditor(Tokens.VOORBEELD), id).statusCode(404);
        audit(Tokens.controller(Tokens.VOORBEELD), id).statusCode(404);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(auditorToken()).queryParam("agreement", agreement)
                .get("/audits").then().statusCode(200).body("items.auditId", hasItem(id)).body("filters.agreement", equalTo(agreement)));
    }

    @Test
    void audits_and_information_requests_page_by_cursor_with_their_filters() {
        String agreement = activeAgreement();
        List<String> audits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            audits.add(schedule(controllerToken(), agreement, audit()).statusCode(201).extract().path("id"));
        }
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body("{\"question\":\"Question " + i + "\"}")
                    .post("/agreements/{id}/information-requests", agreement).then().statusCode(201).extract().path("id"));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            given().auth().oauth2(processorToken()).queryParam("agreement", agreement).get("/audits").then().body("items", hasSize(3));
            given().auth().oauth2(processorToken()).queryParam("agreement", agreement).get("/information-requests").then()
                    .body("items", hasSize(5));
        });

        assertEquals(audits.stream().sorted().toList(), walk("/audits", Map.of("agreement", agreement), "auditId", 2, 2));
        assertEquals(requests.stream().sorted().toList(), walk("/information-requests",
                Map.of("agreement", agreement, "status", "OPEN"), "requestId", 2, 3));

        for (String list : List.of("/audits", "/information-requests")) {
            given().auth().oauth2(controllerToken()).queryParam("limit", 201).get(list).then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("limit"));
            given().auth().oauth2(controllerToken()).queryParam("cursor", "not-a-cursor").get(list).then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("cursor"));
        }
    }

    /** Follows nextCursor through a list with the given filters; the ids seen, sorted, after checking each page and the filters echoed. */
    private static List<String> walk(String list, Map<String, String> filters, String id, int limit, int expectedPages) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().auth().oauth2(controllerToken()).queryParams(filters).queryParam("limit", limit)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor)).get(list).then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(limit))
                    .body("filters", equalTo(filters)).extract();
            seen.addAll(page.path("items." + id));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages <= expectedPages);
        assertEquals(expectedPages, pages, list + " pages");
        assertEquals(seen.size(), Set.copyOf(seen).size(), "no item twice: " + seen);
        return seen.stream().sorted().toList();
    }

    @Test
    void short_notice_and_holidays_are_refused_naming_the_rule_and_the_first_allowed_start() {
        String agreement = activeAgreement();
        ObjectNode tooSoon = audit();
        Instant soon = workingDayAfter(5, 10);
        tooSoon.put("start", soon.toString()).put("end", soon.plusSeconds(3600).toString());
        schedule(controllerToken(), agreement, tooSoon).statusCode(422).body("type", equalTo(PROBLEMS + "audit-notice-too-short"))
                .body("firstAllowedStart", notNullValue()).body("violations[0].field", equalTo("start"));
        tooSoon.put("overrideJustification", "Mandatory requirements");
        schedule(controllerToken(), agreement, tooSoon).statusCode(422).body("type", equalTo(PROBLEMS + "audit-notice-too-short"));
        ObjectNode earlyMorning = audit();
        Instant eight = workingDayAfter(14, 8);
        earlyMorning.put("start", eight.toString()).put("end", eight.plusSeconds(3600 * 3).toString());
        schedule(controllerToken(), agreement, earlyMorning).statusCode(422)
                .body("type", equalTo(PROBLEMS + "audit-outside-office-hours"));
        earlyMorning.put("overrideJustification", "The data centre is only accessible before opening hours");
        schedule(controllerToken(), agreement, earlyMorning).statusCode(201)
                .body("schedule.overrideJustification", equalTo("The data centre is only accessible before opening hours"));
    }

    @Test
    void the_processors_own_closing_day_is_respected() {
        String agreement = activeAgreement();
        Instant start = workingDayAfter(20, 10);
        LocalDate day = LocalDate.ofInstant(start, BRUSSELS);
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body("{\"flemishPublicBody\":false}")
                .put("/organisations/{org}/calendar", PROCESSOR).then().statusCode(403).body("type", equalTo(PROBLEMS + "own-calendar-only"));
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"flemishPublicBody\":false,\"closingDays\":[{\"name\":\"ESN team day\",\"recurring\":null,\"once\":\"" + day + "\"}],"
                        + "\"officeHours\":{\"start\":\"09:00\",\"end\":\"17:00\"}}")
                .put("/organisations/{org}/calendar", PROCESSOR).then().statusCode(200).body("closingDays[0].name", equalTo("ESN team day"));
        ObjectNode body = audit();
        body.put("start", start.toString()).put("end", start.plusSeconds(3600).toString());
        schedule(controllerToken(), agreement, body).statusCode(422).body("type", equalTo(PROBLEMS + "audit-on-non-working-day"))
                .body("holiday", equalTo("ESN team day"));
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON).body("{\"flemishPublicBody\":false,\"closingDays\":[]}")
                .put("/organisations/{org}/calendar", PROCESSOR).then().statusCode(200);
    }

    @Test
    void a_multi_day_audit_over_a_weekend_is_refused_and_one_over_open_days_is_accepted() {
        String agreement = activeAgreement();
        // Seven days from a working day always hold a Saturday and a Sunday (review U2).
        Instant start = workingDayAfter(14, 10);
        ObjectNode week = audit();
        week.put("start", start.toString()).put("end", start.plus(Duration.ofDays(7)).minusSeconds(3600).toString());
        schedule(controllerToken(), agreement, week).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "audit-on-non-working-day")).body("date", notNullValue())
                .body("reason", notNullValue()).body("violations[0].field", equalTo("end"));
        Instant first = twoOpenDaysAfter(14);
        ObjectNode twoDays = audit();
        twoDays.put("start", first.toString()).put("end", first.plus(Duration.ofDays(1)).plusSeconds(3 * 3600).toString());
        schedule(controllerToken(), agreement, twoDays).statusCode(201).body("schedule.end", equalTo(twoDays.get("end").asText()));
    }

    @Test
    void a_move_needs_its_own_notice_of_the_new_dates() {
        String agreement = activeAgreement();
        ObjectNode original = audit();
        String id = schedule(controllerToken(), agreement, original).statusCode(201).extract().path("id");
        Instant soon = workingDayAfter(5, 10);
        ObjectNode earlier = JSON.createObjectNode().put("noticeGivenAt", original.get("noticeGivenAt").asText())
                .put("start", soon.toString()).put("end", soon.plusSeconds(3600).toString()).put("reason", "Auditor available earlier");
        act(controllerToken(), id, "reschedule", 1, earlier).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "reschedule-without-new-notice"))
                .body("previousNoticeGivenAt", equalTo(original.get("noticeGivenAt").asText()))
                .body("violations[0].field", equalTo("noticeGivenAt")).body("firstAllowedStart", notNullValue());
        earlier.put("noticeGivenAt", TestClock.now().truncatedTo(ChronoUnit.MILLIS).toString());
        act(controllerToken(), id, "reschedule", 1, earlier).statusCode(422).body("type", equalTo(PROBLEMS + "audit-notice-too-short"));
        Instant later = workingDayAfter(21, 10);
        earlier.put("start", later.toString()).put("end", later.plusSeconds(3600).toString());
        act(controllerToken(), id, "reschedule", 1, earlier).statusCode(200).body("schedule.noticeGivenAt", equalTo(earlier.get("noticeGivenAt").asText()))
                .body("schedule.start", equalTo(later.toString()));
    }

    @Test
    void an_audit_with_a_major_finding_cannot_be_completed_as_compliant() {
        String agreement = activeAgreement();
        var created = schedule(controllerToken(), agreement, audit()).statusCode(201);
        String id = created.extract().path("id");
        TestClock.setNow(Instant.parse(created.extract().path("schedule.start")).plusSeconds(3600));
        String finding = act(auditorToken(), id, "findings", 1, JSON.createObjectNode().put("title", "Backups unencrypted")
                .put("severity", "MAJOR")).statusCode(200).extract().path("findings[0].findingId");
        act(auditorToken(), id, "completion", 2, JSON.createObjectNode().put("completedAt", TestClock.now().toString())
                .put("nonCompliance", false)).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "serious-finding-requires-plan")).body("seriousFindings", equalTo(List.of(finding)))
                .body("violations[0].field", equalTo("nonCompliance"));
        act(auditorToken(), id, "completion", 2, JSON.createObjectNode().put("completedAt", TestClock.now().toString())
                .put("nonCompliance", true)).statusCode(200).body("status", equalTo("PLAN_DUE")).body("cost.borneBy", equalTo("PROCESSOR"));
    }

    @Test
    void a_plan_rejected_after_its_due_date_is_not_overdue_until_the_period_the_rejection_states() {
        String agreement = activeAgreement();
        var created = schedule(controllerToken(), agreement, audit()).statusCode(201);
        String id = created.extract().path("id");
        TestClock.setNow(Instant.parse(created.extract().path("schedule.start")).plusSeconds(3600));
        String finding = act(auditorToken(), id, "findings", 1, JSON.createObjectNode().put("title", "No MFA")
                .put("severity", "MAJOR")).statusCode(200).extract().path("findings[0].findingId");
        Instant due = Instant.parse(act(controllerToken(), id, "completion", 2, JSON.createObjectNode()
                .put("completedAt", TestClock.now().toString()).put("nonCompliance", true)).statusCode(200)
                .extract().path("completion.planDueAt"));
        ObjectNode plan = JSON.createObjectNode();
        plan.putArray("measures").addObject().put("description", "Enforce MFA").put("dueDate",
                LocalDate.ofInstant(due, BRUSSELS).plusDays(60).toString()).putArray("findingIds").add(finding);
        act(processorToken(), id, "plans", 3, plan).statusCode(200);
        String planId = audit(controllerToken(), id).extract().path("plans[0].planId");
        // The controller decides a week after the month ran out (review U5).
        TestClock.setNow(due.plus(Duration.ofDays(7)));
        act(controllerToken(), id, "plans/" + planId + "/decision", 4, JSON.createObjectNode().put("approved", false)
                .put("comments", "MFA for the hosting panel too")).statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "field-required"));
        act(controllerToken(), id, "plans/" + planId + "/decision", 4, JSON.createObjectNode().put("approved", false)
                .put("comments", "MFA for the hosting panel too").put("resubmissionDays", 0)).statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-resubmission-period"));
        LocalDate resubmitBy = WorkingCalendar.belgium(BRUSSELS).nextWorkingDayOnOrAfter(LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(10));
        act(controllerToken(), id, "plans/" + planId + "/decision", 4, JSON.createObjectNode().put("approved", false)
                .put("comments", "MFA for the hosting panel too").put("resubmissionDays", 10)).statusCode(200)
                .body("status", equalTo("PLAN_DUE")).body("overdue.plan", equalTo(false))
                .body("plans[0].resubmissionDueOn", equalTo(resubmitBy.toString()))
                .body("completion.currentPlanDueOn", equalTo(resubmitBy.toString()));
        scheduler.tick().await().indefinitely();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("agreement", agreement).get("/audits").then().body("items[0].planOverdue", equalTo(false))
                .body("items[0].planDueAt", equalTo(resubmitBy.plusDays(1).atStartOfDay(BRUSSELS).toInstant().toString())));
        assertTrue(TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("PlanOverdue.v1")).isEmpty());
        TestClock.setNow(resubmitBy.plusDays(1).atStartOfDay(BRUSSELS).toInstant());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            scheduler.tick().await().indefinitely();
            return TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("PlanOverdue.v1")).size() == 1;
        });
    }

    @Test
    void the_processors_closing_day_does_not_move_the_plans_due_date() {
        String agreement = activeAgreement();
        var created = schedule(controllerToken(), agreement, audit()).statusCode(201);
        String id = created.extract().path("id");
        TestClock.setNow(Instant.parse(created.extract().path("schedule.start")).plusSeconds(3600));
        WorkingCalendar belgium = WorkingCalendar.belgium(BRUSSELS);
        LocalDate due = Periods.lastDay(LegalClock.CORRECTIVE_ACTION_PLAN.rule(), LocalDate.ofInstant(TestClock.now(), BRUSSELS), belgium);
        // The processor closes on the day the month ends: Reg. 1182/71 art. 2(2) knows no closing days (review T4).
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"flemishPublicBody\":true,\"closingDays\":[{\"name\":\"ESN team day\",\"recurring\":null,\"once\":\"" + due + "\"}]}")
                .put("/organisations/{org}/calendar", PROCESSOR).then().statusCode(200);
        try {
            act(controllerToken(), id, "completion", 1, JSON.createObjectNode().put("completedAt", TestClock.now().toString())
                    .put("nonCompliance", true)).statusCode(200).body("completion.planDueOn", equalTo(due.toString()));
        } finally {
            given().auth().oauth2(processorToken()).contentType(ContentType.JSON).body("{\"flemishPublicBody\":false,\"closingDays\":[]}")
                    .put("/organisations/{org}/calendar", PROCESSOR).then().statusCode(200);
        }
    }

    /** 10:00 on the first of two consecutive working days at least {@code days} days from now. */
    private static Instant twoOpenDaysAfter(int days) {
        WorkingCalendar belgium = WorkingCalendar.belgium(BRUSSELS);
        LocalDate d = belgium.nextWorkingDayOnOrAfter(LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(days));
        while (!belgium.isWorkingDay(d.plusDays(1))) {
            d = belgium.nextWorkingDayOnOrAfter(d.plusDays(1));
        }
        return d.atTime(10, 0).atZone(BRUSSELS).toInstant();
    }

    @Test
    void findings_completion_costs_and_the_corrective_action_plan_through_to_verification() {
        String agreement = activeAgreement();
        var created = schedule(controllerToken(), agreement, audit()).statusCode(201);
        String id = created.extract().path("id");
        Instant start = Instant.parse(created.extract().path("schedule.start"));
        act(auditorToken(), id, "findings", 1, JSON.createObjectNode().put("title", "x").put("severity", "MINOR")).statusCode(409)
                .body("type", equalTo(PROBLEMS + "audit-not-started"));
        TestClock.setNow(start.plusSeconds(3600));
        String finding = act(auditorToken(), id, "findings", 1, JSON.createObjectNode().put("title", "No MFA on the hosting panel")
                .put("severity", "MAJOR").put("articleRef", "art. 5.1")).statusCode(200).extract().path("findings[0].findingId");
        act(Tokens.auditor(Tokens.VOORBEELD), id, "findings", 2, JSON.createObjectNode().put("title", "x").put("severity", "MINOR"))
                .statusCode(404);
        act(processorToken(), id, "findings", 2, JSON.createObjectNode().put("title", "x").put("severity", "MINOR")).statusCode(403);
        act(controllerToken(), id, "completion", 2, JSON.createObjectNode().put("completedAt", TestClock.now().toString())
                .put("nonCompliance", true)).statusCode(200).body("status", equalTo("PLAN_DUE"))
                .body("cost.borneBy", equalTo("PROCESSOR")).body("completion.planDueOn", notNullValue());
        ObjectNode plan = JSON.createObjectNode();
        plan.putArray("measures").addObject().put("description", "Enforce MFA").put("dueDate",
                LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(10).toString()).putArray("findingIds").add(finding);
        act(processorToken(), id, "plans", 3, plan).statusCode(200).body("status", equalTo("PLAN_SUBMITTED"));
        String planId = audit(controllerToken(), id).extract().path("plans[0].planId");
        act(controllerToken(), id, "plans/" + planId + "/decision", 4, JSON.createObjectNode().put("approved", true)).statusCode(200)
                .body("status", equalTo("PLAN_APPROVED"));
        act(processorToken(), id, "plans/" + planId + "/measures/m1/implementation", 5, JSON.createObjectNode().put("note", "Done"))
                .statusCode(200);
        act(controllerToken(), id, "plans/" + planId + "/measures/m1/verification", 6, JSON.createObjectNode().put("verified", true))
                .statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void an_overdue_plan_is_marked_by_the_scheduler_and_listed() {
        String agreement = activeAgreement();
        var created = schedule(controllerToken(), agreement, audit()).statusCode(201);
        String id = created.extract().path("id");
        TestClock.setNow(Instant.parse(created.extract().path("schedule.start")).plusSeconds(3600));
        Instant due = Instant.parse(act(controllerToken(), id, "completion", 1, JSON.createObjectNode()
                .put("completedAt", TestClock.now().toString()).put("nonCompliance", true)).statusCode(200)
                .extract().path("completion.planDueAt"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("agreement", agreement).get("/audits").then().body("items[0].status", equalTo("PLAN_DUE")));
        TestClock.setNow(due.plusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            scheduler.tick().await().indefinitely();
            return TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("PlanOverdue.v1")).size() == 1;
        });
        given().auth().oauth2(processorToken()).queryParam("overdue", true).get("/audits").then().body("items.auditId", hasItem(id));
        audit(controllerToken(), id).body("overdue.plan", equalTo(true));
        scheduler.tick().await().indefinitely();
        assertEquals(1, TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("PlanOverdue.v1")).size());
    }

    @Test
    void the_controller_asks_for_information_and_the_processor_answers_with_attachments() {
        String agreement = activeAgreement();
        String id = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body("{\"question\":\"List the staff with access to the database\",\"dueDate\":\""
                        + LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(7) + "\"}")
                .post("/agreements/{id}/information-requests", agreement).then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON).body("{\"question\":\"x\"}")
                .post("/agreements/{id}/information-requests", agreement).then().statusCode(403);
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"text\":\"See the attached list\",\"attachments\":[{\"name\":\"staff.pdf\",\"sha256\":\"bad\"}]}")
                .post("/information-requests/{id}/answer", id).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-sha256"));
        TestClock.setNow(TestClock.now().plus(Duration.ofDays(9)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken()).queryParam("overdue", true)
                .get("/information-requests").then().body("items.requestId", hasItem(id)));
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"text\":\"See the attached list\",\"attachments\":[{\"name\":\"staff.pdf\",\"sha256\":\"" + "ab".repeat(32) + "\"}]}")
                .post("/information-requests/{id}/answer", id).then().statusCode(200).body("status", equalTo("ANSWERED"))
                .body("answer.attachments[0].name", equalTo("staff.pdf"));
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/information-requests/{id}", id).then().statusCode(404);
    }

    @Test
    void the_controller_asks_for_dpia_input_the_processor_answers_with_an_attachment_and_a_late_follow_up_is_marked_overdue() {
        String agreement = activeAgreement();
        java.time.LocalDate due = earliestAssistanceDue();
        // Bad input: 4xx naming the field and the article; nothing is stored.
        assistance(controllerToken(), agreement, "AUDIT", due).statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "invalid-assistance-kind")).body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("DPA art. 7.4"));
        assistance(controllerToken(), agreement, "DPIA", due.minusDays(1)).statusCode(400)
                .body("type", equalTo(PROBLEMS + "due-date-too-soon")).body("violations[0].field", equalTo("dueDate"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString(due.toString()));
        assistance(processorToken(), agreement, "DPIA", due).statusCode(403)
                .body("type", equalTo(PROBLEMS + "only-controller-requests-assistance"));
        assistance(Tokens.controller(Tokens.VOORBEELD), agreement, "DPIA", due).statusCode(404);
        given().auth().oauth2(controllerToken()).queryParam("agreement", agreement).get("/assistance-requests").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());

        String id = assistance(controllerToken(), agreement, "DPIA", due).statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("OPEN")).body("kind", equalTo("DPIA")).body("turns.type", equalTo(List.of("QUESTION", "QUESTION")))
                .extract().path("id");
        assistanceAct(processorToken(), id, "answer", 1, "{\"text\":\"See the DPIA input\",\"attachments\":[{\"name\":\"input.pdf\","
                + "\"sha256\":\"bad\"}],\"costBasis\":\"PROCESSOR_RESPONSIBILITY\"}").statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-sha256")).body("violations[0].field", equalTo("attachments[0].sha256"));
        assistanceAct(processorToken(), id, "answer", 1, "{\"text\":\"See the DPIA input\",\"attachments\":[],\"costBasis\":\"CHARGEABLE\"}")
                .statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cost-basis")).body("violations[0].field", equalTo("costReason"));
        assistanceAct(processorToken(), id, "answer", 1, "{\"text\":\"No data leave the EEA; the measures are attached.\","
                + "\"attachments\":[{\"name\":\"ESN security measures 2026.pdf\",\"sha256\":\"" + "AB".repeat(32) + "\"}],"
                + "\"costBasis\":\"PROCESSOR_RESPONSIBILITY\"}").statusCode(200)
                .body("status", equalTo("ANSWERED")).body("turns[2].attachments[0].sha256", equalTo("ab".repeat(32)))
                .body("costBasis", equalTo("PROCESSOR_RESPONSIBILITY"));
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/assistance-requests/{id}", id).then().statusCode(404);

        java.time.LocalDate followUpDue = earliestAssistanceDue();
        assistanceAct(controllerToken(), id, "follow-up", 2, "{\"question\":\"How long are the recordings kept?\",\"dueDate\":\""
                + followUpDue + "\"}").statusCode(200).body("status", equalTo("OPEN")).body("dueDate", equalTo(followUpDue.toString()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(processorToken()).queryParam("kind", "DPIA")
                .queryParam("status", "OPEN").get("/assistance-requests").then().body("items.requestId", hasItem(id)));
        given().auth().oauth2(processorToken()).queryParam("kind", "BOGUS").get("/assistance-requests").then().statusCode(400);

        // The day after the follow-up's due date, the scheduler marks it overdue, once.
        TestClock.setNow(followUpDue.plusDays(1).atTime(8, 0).atZone(BRUSSELS).toInstant());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            scheduler.tick().await().indefinitely();
            return TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("AssistanceOverdue.v1")).size() == 1;
        });
        given().auth().oauth2(controllerToken()).queryParam("overdue", true).get("/assistance-requests").then().body("items.requestId", hasItem(id));
        given().auth().oauth2(controllerToken()).get("/assistance-requests/{id}", id).then().header("ETag", "\"4\"").body("overdue", equalTo(true));
        scheduler.tick().await().indefinitely();
        assertEquals(1, TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("AssistanceOverdue.v1")).size());

        assistanceAct(processorToken(), id, "answer", 4, "{\"text\":\"30 days\",\"costBasis\":\"CHARGEABLE\",\"costReason\":"
                + "\"Retention analysis beyond the contract\"}").statusCode(200).body("costBasis", equalTo("CHARGEABLE"));
        assistanceAct(processorToken(), id, "close", 5, "{}").statusCode(403);
        assistanceAct(controllerToken(), id, "close", 5, "{\"note\":\"Input taken into the DPIA\"}").statusCode(200)
                .body("status", equalTo("CLOSED"));
        assistanceAct(processorToken(), id, "answer", 6, "{\"text\":\"more\",\"costBasis\":\"PROCESSOR_RESPONSIBILITY\"}").statusCode(409)
                .body("type", equalTo(PROBLEMS + "assistance-request-closed"));
    }

    /** Ten working days after today in Brussels (Reg. 1182/71 art. 3(3)): the earliest due date a request may set. */
    private static java.time.LocalDate earliestAssistanceDue() {
        return eu.dpaledger.platform.time.Periods.lastDay(eu.dpaledger.platform.time.PeriodRule.workingDays(10),
                java.time.LocalDate.ofInstant(TestClock.now(), BRUSSELS), eu.dpaledger.platform.time.WorkingCalendar.belgium(BRUSSELS));
    }

    private static io.restassured.response.ValidatableResponse assistance(String token, String agreement, String kind, java.time.LocalDate due) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"" + kind + "\",\"processing\":\"Camera surveillance of the municipal car park\",\"questions\":"
                        + "[\"Which data flows leave the EEA?\",\"Which measures protect the recordings?\"],\"dueDate\":\"" + due + "\"}")
                .post("/agreements/{id}/assistance-requests", agreement).then();
    }

    private static io.restassured.response.ValidatableResponse assistanceAct(String token, String id, String action, long version, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .post("/assistance-requests/{id}/" + action, id).then();
    }

    @Test
    void the_dpo_named_in_the_evidence_register_is_sealed_held_while_disputed_and_then_erasable() {
        String agreement = activeAgreement();
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String name = "Dora Privacy " + suffix;
        String email = "dora." + suffix + "@example.com";
        java.time.LocalDate today = java.time.LocalDate.ofInstant(TestClock.now(), BRUSSELS);
        String id = record(processorToken(), agreement, "{\"kind\":\"DPO\",\"content\":{\"title\":\"Appointment of the DPO\","
                + "\"name\":\"" + name + "\",\"contact\":\"" + email + "\",\"effectiveOn\":\"" + today + "\"}}").statusCode(201)
                .extract().path("id");
        given().auth().oauth2(controllerToken()).get("/evidence/{id}", id).then().statusCode(200)
                .body("content.name", equalTo(name)).body("content.contact", equalTo(email));
        await().atMost(Duration.ofSeconds(15)).until(() -> !TopicReader.readAll(AuditPublished.TOPIC, r -> id.equals(r.key())).isEmpty());
        String published = TopicReader.readAll(AuditPublished.TOPIC, r -> id.equals(r.key())).get(0).value();
        assertFalse(published.contains(name) || published.contains(email), "the DPO is sealed on dpa.audits: " + published);

        // The controller disputes the item: a legal hold on the agreement (GDPR art. 17(3)(e)), fed back from dpa.audits.
        evidenceAct(controllerToken(), id, "dispute", 1, "{\"reason\":\"The DPO named has left\"}").statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.admin()).queryParam("agreementId", agreement)
                .get("/admin/personal-data/holds").then().extract().<List<Object>>path("holds").size() == 1);
        String erasure = "{\"subject\":\"" + email + "\",\"reason\":\"Left ESN\",\"legalGround\":\"GDPR art. 17(1)(a)\"}";
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(erasure).post("/admin/personal-data/erasures").then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "legal-hold")).body("holds[0].source", equalTo("evidence"));
        // Revised with the new DPO, it is no longer disputed: the former DPO can be erased.
        evidenceAct(processorToken(), id, "revision", 2, "{\"content\":{\"title\":\"Appointment of the DPO\",\"name\":\"New DPO "
                + suffix + "\",\"contact\":\"new." + suffix + "@example.com\",\"effectiveOn\":\"" + today + "\"}}").statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.admin()).queryParam("agreementId", agreement)
                .get("/admin/personal-data/holds").then().extract().<List<Object>>path("holds").isEmpty());
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(erasure).post("/admin/personal-data/erasures").then()
                .statusCode(201).body("keys[0].kinds", org.hamcrest.Matchers.contains("dpo"));
        given().auth().oauth2(Tokens.admin()).queryParam("subject", "New DPO " + suffix).get("/admin/personal-data").then().statusCode(200)
                .body("services[0].records[0].values.value", org.hamcrest.Matchers.hasItem("new." + suffix + "@example.com"));
        given().auth().oauth2(controllerToken()).get("/evidence/{id}", id).then().statusCode(200)
                .body("content.name", equalTo("New DPO " + suffix));
    }

    @Test
    void the_processor_keeps_its_evidence_register_the_controller_reviews_it_and_an_expired_certificate_is_marked() {
        String agreement = activeAgreement();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(TestClock.now(), BRUSSELS);
        String certificate = "{\"kind\":\"CERTIFICATION\",\"content\":{\"title\":\"ISO/IEC 27001\",\"issuer\":\"BSI Group\","
                + "\"scope\":\"Hosting platform Brussels\",\"effectiveOn\":\"" + today.minusYears(2) + "\",\"validUntil\":\""
                + today.plusDays(20) + "\"}}";
        // Bad input: 4xx naming the field (and the article); foreign agreements 404; the controller records nothing.
        record(processorToken(), agreement, "{\"kind\":\"BADGE\",\"content\":{\"title\":\"x\"}}").statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-evidence-kind")).body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("DPA art. 4"));
        record(processorToken(), agreement, "{\"kind\":\"SECURITY_POLICY\",\"content\":{\"title\":\"Policy\",\"version\":\"3\","
                + "\"sha256\":\"xyz\",\"effectiveOn\":\"" + today + "\",\"reviewDue\":\"" + today.plusYears(1) + "\"}}").statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-sha256")).body("violations[0].field", equalTo("content.sha256"));
        record(controllerToken(), agreement, certificate).statusCode(403).body("type", equalTo(PROBLEMS + "only-processor-records-evidence"));
        record(Tokens.processor(Tokens.HOSTING), agreement, certificate).statusCode(404);

        String id = record(processorToken(), agreement, certificate).statusCode(201).header("ETag", "\"1\"")
                .body("review", equalTo("RECORDED")).body("article", org.hamcrest.Matchers.containsString("DPA art. 7.1"))
                .body("expired", equalTo(false)).extract().path("id");
        evidenceAct(processorToken(), id, "acknowledgement", 1, null).statusCode(403);
        evidenceAct(controllerToken(), id, "dispute", 1, "{\"reason\":\" \"}").statusCode(400).body("violations[0].field", equalTo("reason"));
        evidenceAct(controllerToken(), id, "acknowledgement", 1, null).statusCode(200).body("review", equalTo("ACKNOWLEDGED"));
        evidenceAct(controllerToken(), id, "dispute", 2, "{\"reason\":\"late\"}").statusCode(409)
                .body("type", equalTo(PROBLEMS + "evidence-already-reviewed"));
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/evidence/{id}", id).then().statusCode(404);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken()).queryParam("agreement", agreement)
                .queryParam("kind", "CERTIFICATION").get("/evidence").then().statusCode(200).body("items.itemId", hasItem(id))
                .body("items.find { it.itemId == '" + id + "' }.review", equalTo("ACKNOWLEDGED")));

        // Twenty days before its end it is within the 30-day warning: the scheduler warns once.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            scheduler.tick().await().indefinitely();
            return TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("EvidenceExpiring.v1")).size() == 1;
        });
        // The day after its validity, the scheduler marks it expired, once; a renewal is reviewed anew and no longer expired.
        TestClock.setNow(today.plusDays(21).atTime(8, 0).atZone(BRUSSELS).toInstant());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            scheduler.tick().await().indefinitely();
            return TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("EvidenceExpired.v1")).size() == 1;
        });
        given().auth().oauth2(processorToken()).queryParam("expired", true).get("/evidence").then().body("items.itemId", hasItem(id));
        scheduler.tick().await().indefinitely();
        assertEquals(1, TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("EvidenceExpired.v1")).size());
        evidenceAct(processorToken(), id, "revision", 4, "{\"content\":{\"title\":\"ISO/IEC 27001\",\"issuer\":\"BSI Group\","
                + "\"scope\":\"Hosting platform Brussels\",\"validUntil\":\"" + today.plusYears(3) + "\"}}").statusCode(200)
                .body("revision", equalTo(2)).body("review", equalTo("RECORDED")).body("expired", equalTo(false));
        evidenceAct(controllerToken(), id, "dispute", 5, "{\"reason\":\"The scope leaves out the Ghent site\"}").statusCode(200)
                .body("review", equalTo("DISPUTED")).body("disputeReason", equalTo("The scope leaves out the Ghent site"));
    }

    private static io.restassured.response.ValidatableResponse record(String token, String agreement, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/agreements/{id}/evidence", agreement).then();
    }

    private static io.restassured.response.ValidatableResponse evidenceAct(String token, String id, String action, long version, String body) {
        var request = given().auth().oauth2(token).header("If-Match", "\"" + version + "\"");
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/evidence/{id}/" + action, id).then();
    }

    @Test
    void every_event_type_matches_its_published_contract() throws Exception {
        findings_completion_costs_and_the_corrective_action_plan_through_to_verification();
        TestClock.reset();
        the_controller_asks_for_information_and_the_processor_answers_with_attachments();
        TestClock.reset();
        the_controller_asks_for_dpia_input_the_processor_answers_with_an_attachment_and_a_late_follow_up_is_marked_overdue();
        TestClock.reset();
        the_processor_keeps_its_evidence_register_the_controller_reviews_it_and_an_expired_certificate_is_marked();
        TestClock.reset();
        an_overdue_plan_is_marked_by_the_scheduler_and_listed();
        TestClock.reset();
        String agreement = activeAgreement();
        String moved = schedule(controllerToken(), agreement, audit()).statusCode(201).extract().path("id");
        Instant start = workingDayAfter(21, 10);
        // The move's own notice, given after the schedule it moves was recorded (DPA art. 9.1, review U3).
        ObjectNode later = JSON.createObjectNode().put("noticeGivenAt", TestClock.now().toString())
                .put("start", start.toString()).put("end", start.plusSeconds(3600).toString()).put("reason", "Auditor ill");
        act(controllerToken(), moved, "reschedule", 1, later).statusCode(200);
        act(controllerToken(), moved, "cancellation", 2, JSON.createObjectNode().put("reason", "Replaced by the yearly audit")).statusCode(200);
        String overdueMeasure = measureOverdue();
        await().atMost(Duration.ofSeconds(15)).until(() -> types().containsAll(AuditEventTypes.ALL));
        for (TopicReader.Received r : TopicReader.readAll("dpa.audits")) {
            Set<String> violations = Contracts.violations(r.ceType(), r.value());
            assertTrue(violations.isEmpty(), r.ceType() + " violates its contract: " + violations + "\n" + r.value());
            // The kernel's record type says the same as the schema: read back and written again, nothing changes.
            JsonNode published = mapper.readTree(r.value());
            Class<?> contract = r.ceType().startsWith(AuditPublished.TYPE_PREFIX) ? AuditPublished.class
                    : r.ceType().startsWith(AssistanceRequestPublished.TYPE_PREFIX) ? AssistanceRequestPublished.class
                    : r.ceType().startsWith(EvidencePublished.TYPE_PREFIX) ? EvidencePublished.class
                    : r.ceType().equals(PersonalDataErasedPublished.TYPE) ? PersonalDataErasedPublished.class
                    : r.ceType().equals(eu.dpaledger.platform.contracts.CheckpointSignedPublished.TYPE)
                            ? eu.dpaledger.platform.contracts.CheckpointSignedPublished.class
                    : r.ceType().equals(eu.dpaledger.platform.contracts.EvidenceBundleExportedPublished.TYPE)
                            ? eu.dpaledger.platform.contracts.EvidenceBundleExportedPublished.class
                    : InformationRequestPublished.class;
            Object typed = PublishedContracts.read(published, contract);
            assertEquals(published, mapper.readTree(mapper.writeValueAsString(typed)), r.ceType() + " reads back into " + typed);
        }
        assertTrue(overdueMeasure != null);
        for (String type : AuditEventTypes.ALL) {
            assertTrue(getClass().getClassLoader().getResource("contracts/" + type + ".schema.json") != null, type);
            assertTrue(!Contracts.violations(type, "{}").isEmpty(), type + " accepts an empty object");
        }
    }

    /** A plan approved with a measure due soon, then the clock passes its date: MeasureOverdue. */
    private String measureOverdue() {
        String agreement = activeAgreement();
        var created = schedule(controllerToken(), agreement, audit()).statusCode(201);
        String id = created.extract().path("id");
        TestClock.setNow(Instant.parse(created.extract().path("schedule.start")).plusSeconds(3600));
        String finding = act(controllerToken(), id, "findings", 1, JSON.createObjectNode().put("title", "Logs too short")
                .put("severity", "MINOR")).statusCode(200).extract().path("findings[0].findingId");
        act(controllerToken(), id, "completion", 2, JSON.createObjectNode().put("completedAt", TestClock.now().toString())
                .put("nonCompliance", true)).statusCode(200);
        ObjectNode plan = JSON.createObjectNode();
        plan.putArray("measures").addObject().put("description", "Keep logs 24 months").put("dueDate",
                LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(2).toString()).putArray("findingIds").add(finding);
        act(processorToken(), id, "plans", 3, plan).statusCode(200);
        String planId = audit(controllerToken(), id).extract().path("plans[0].planId");
        act(controllerToken(), id, "plans/" + planId + "/decision", 4, JSON.createObjectNode().put("approved", false)
                .put("comments", "Add log integrity").put("resubmissionDays", 10)).statusCode(200);
        // The rejection appended PlanDecided and PlanResubmissionRequested: the stream is at version 6.
        act(processorToken(), id, "plans", 5, plan).statusCode(412);
        act(processorToken(), id, "plans", 6, plan).statusCode(200);
        String second = audit(controllerToken(), id).extract().path("plans[1].planId");
        act(controllerToken(), id, "plans/" + second + "/decision", 7, JSON.createObjectNode().put("approved", true)).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("agreement", agreement).get("/audits").then().body("items[0].status", equalTo("PLAN_APPROVED")));
        TestClock.setNow(TestClock.now().plus(Duration.ofDays(4)));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            scheduler.tick().await().indefinitely();
            return !TopicReader.readAll("dpa.audits", r -> id.equals(r.key()) && r.ceType().endsWith("MeasureOverdue.v1")).isEmpty();
        });
        return id;
    }

    private static Set<String> types() {
        return TopicReader.readAll("dpa.audits").stream().map(TopicReader.Received::ceType).collect(Collectors.toCollection(TreeSet::new));
    }
}
