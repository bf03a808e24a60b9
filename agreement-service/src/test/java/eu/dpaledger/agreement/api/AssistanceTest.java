package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.agreement.infrastructure.AssistanceEventTypes;
import eu.dpaledger.platform.contracts.AssistanceItemPublished;
import eu.dpaledger.platform.contracts.PublishedContracts;
import eu.dpaledger.platform.time.PeriodRule;
import eu.dpaledger.platform.time.Periods;
import eu.dpaledger.platform.time.WorkingCalendar;
import eu.dpaledger.testing.Contracts;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instructions (art. 2.2, 2.3), authority disclosure requests (art. 2.2), data subject requests (art. 7.2). */
@QuarkusTest
class AssistanceTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void a_flagged_instruction_is_confirmed_amended_or_withdrawn_by_the_controller_and_the_register_shows_the_basis() {
        String agreement = activeAgreement();
        String body = "{\"text\":\"Export all visitor IP addresses to our marketing agency\",\"effectiveFrom\":\"" + LocalDate.now() + "\"}";
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON).body(body)
                .post("/agreements/{id}/instructions", agreement).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "only-controller-instructs"));
        String id = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(body)
                .post("/agreements/{id}/instructions", agreement).then().statusCode(201).body("status", equalTo("ISSUED"))
                .extract().path("id");
        post(controllerToken(), "/instructions/{id}/flag", 1, Map.of("reasoning", "x"), id).statusCode(403);
        post(processorToken(), "/instructions/{id}/flag", 1, Map.of("reasoning",
                "Sharing IP addresses with a third party has no legal basis (GDPR 6)"), id).statusCode(200)
                .body("status", equalTo("FLAGGED")).body("lawfulBasis", equalTo(false));
        post(processorToken(), "/instructions/{id}/acknowledgement", 2, Map.of(), id).statusCode(409);
        post(controllerToken(), "/instructions/{id}/amendment", 2, Map.of("text", "Export aggregated visitor counts only",
                "effectiveFrom", LocalDate.now().toString(), "reason", "Agreed with the DPO"), id).statusCode(200)
                .body("status", equalTo("ISSUED"));
        post(processorToken(), "/instructions/{id}/acknowledgement", 3, Map.of(), id).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("lawfulBasis", equalTo(true));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(controllerToken(), "/instructions?agreement={a}", agreement)
                .body("items.find { it.id == '" + id + "' }.basis", equalTo("INSTRUCTION")));
        get(Tokens.controller(Tokens.VOORBEELD), "/instructions/{id}", id).statusCode(404);
    }

    @Test
    void a_gagged_disclosure_request_stays_invisible_to_the_controller_until_the_gag_is_lifted() {
        String agreement = activeAgreement();
        String now = now().toString();
        String due = now().plus(Duration.ofDays(10)).toString();
        String id = given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"authority\":\"Federal prosecutor\",\"receivedAt\":\"" + now + "\",\"legalBasis\":\"Art. 46bis Code of Criminal Procedure\","
                        + "\"scope\":\"Logs of the website for March\",\"dueAt\":\"" + due + "\",\"gagLegalBasis\":\"Art. 46bis §2: secrecy of the investigation\"}")
                .post("/agreements/{id}/disclosure-requests", agreement).then().statusCode(201).body("status", equalTo("GAGGED"))
                .extract().path("id");
        get(controllerToken(), "/disclosure-requests/{id}", id).statusCode(404);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(processorToken(), "/disclosure-requests?agreement={a}", agreement)
                .body("items.id", hasItem(id)));
        get(controllerToken(), "/disclosure-requests?agreement={a}", agreement).body("items.id", not(hasItem(id)));
        List<TopicReader.Received> published = TopicReader.readAll("dpa.agreements", r -> id.equals(r.key()));
        assertTrue(published.stream().noneMatch(r -> r.value().contains("Federal prosecutor")), "nothing of a gagged request is published");
        post(processorToken(), "/disclosure-requests/{id}/gag-lifting", 2, Map.of("reason", "Investigation closed"), id).statusCode(200);
        get(controllerToken(), "/disclosure-requests/{id}", id).statusCode(200).body("authority", equalTo("Federal prosecutor"))
                .body("timeLeftBeforeDisclosure", notNullValue());
        post(controllerToken(), "/disclosure-requests/{id}/disclosure", 3, Map.of("disclosedAt", now, "disclosed", "x"), id).statusCode(403);
        post(processorToken(), "/disclosure-requests/{id}/disclosure", 3, Map.of("disclosedAt", now().toString(),
                "disclosed", "Web server logs 1–31 March"), id).statusCode(200).body("status", equalTo("DISCLOSED"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(controllerToken(), "/disclosure-requests?agreement={a}", agreement)
                .body("items.find { it.id == '" + id + "' }.basis", equalTo("LEGAL_OBLIGATION")));
    }

    @Test
    void a_data_subject_request_is_forwarded_approved_and_only_then_acted_on_with_the_controllers_deadline() {
        String agreement = activeAgreement();
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"type\":\"ERASURE\",\"receivedAt\":\"" + now() + "\",\"reference\":\"jan.voorbeeld@example.org\"}")
                .post("/agreements/{id}/data-subject-requests", agreement).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "identity-in-clear"));
        var created = given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"type\":\"ERASURE\",\"receivedAt\":\"" + now() + "\",\"reference\":\"DSR-2026-017\"}")
                .post("/agreements/{id}/data-subject-requests", agreement).then().statusCode(201).body("status", equalTo("REGISTERED"));
        String id = created.extract().path("id");
        LocalDate due = LocalDate.parse(created.extract().path("controllerAnswerDueOn"));
        LocalDate nominal = LocalDate.ofInstant(now(), ZoneId.of("Europe/Brussels")).plusMonths(1);
        assertTrue(!due.isBefore(nominal) && due.isBefore(nominal.plusDays(5)), "one month, moved to a working day");
        get(controllerToken(), "/data-subject-requests/{id}", id).statusCode(404);
        // Not forwarded within the configured time (2 s in tests): overdue in the processor's list.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(processorToken(), "/data-subject-requests?overdue=true").body("items.id", hasItem(id)));
        post(processorToken(), "/data-subject-requests/{id}/action", 1, Map.of("description", "Erased"), id).statusCode(409)
                .body("type", equalTo(PROBLEMS + "action-before-approval"));
        post(processorToken(), "/data-subject-requests/{id}/forwarding", 1, Map.of(), id).statusCode(200).body("status", equalTo("AWAITING_APPROVAL"));
        post(processorToken(), "/data-subject-requests/{id}/decision", 2, Map.of("approved", true, "instructions", "x"), id).statusCode(403);
        post(controllerToken(), "/data-subject-requests/{id}/deadline-extension", 2, Map.of("reasons",
                "Many systems to search; complex request"), id).statusCode(200).body("extensionReasons", notNullValue());
        post(controllerToken(), "/data-subject-requests/{id}/decision", 3, Map.of("approved", true,
                "instructions", "Erase the account and its newsletter subscription"), id).statusCode(200).body("status", equalTo("APPROVED"));
        post(processorToken(), "/data-subject-requests/{id}/action", 4, Map.of("description", "Account and subscription erased"), id)
                .statusCode(200).body("status", equalTo("ACTED_ON"));
        get(Tokens.processor(Tokens.HOSTING), "/data-subject-requests/{id}", id).statusCode(404);
    }

    @Test
    void every_assistance_event_type_matches_its_published_contract() throws Exception {
        a_flagged_instruction_is_confirmed_amended_or_withdrawn_by_the_controller_and_the_register_shows_the_basis();
        a_gagged_disclosure_request_stays_invisible_to_the_controller_until_the_gag_is_lifted();
        a_data_subject_request_is_forwarded_approved_and_only_then_acted_on_with_the_controllers_deadline();
        String agreement = activeAgreement();
        String id = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body("{\"text\":\"Keep logs 6 months\",\"effectiveFrom\":\"" + LocalDate.now() + "\"}")
                .post("/agreements/{id}/instructions", agreement).then().statusCode(201).extract().path("id");
        post(processorToken(), "/instructions/{id}/flag", 1, Map.of("reasoning", "Too long for IP data"), id).statusCode(200);
        post(controllerToken(), "/instructions/{id}/confirmation", 2, Map.of("reasoning", "Needed for security analysis"), id).statusCode(200);
        post(controllerToken(), "/instructions/{id}/withdrawal", 3, Map.of("reason", "Replaced"), id).statusCode(200);
        String informed = given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"authority\":\"Police\",\"receivedAt\":\"" + now() + "\",\"legalBasis\":\"Art. 88bis\",\"scope\":\"Logs\",\"dueAt\":\""
                        + now().plus(Duration.ofDays(3)) + "\"}")
                .post("/agreements/{id}/disclosure-requests", agreement).then().statusCode(201).body("status", equalTo("CONTROLLER_INFORMED"))
                .extract().path("id");
        assertTrue(informed != null);
        await().atMost(Duration.ofSeconds(15)).until(() -> types().containsAll(AssistanceEventTypes.ALL));
        for (TopicReader.Received r : TopicReader.readAll("dpa.agreements", r -> AssistanceEventTypes.ALL.contains(r.ceType()))) {
            Set<String> violations = Contracts.violations(r.ceType(), r.value());
            assertTrue(violations.isEmpty(), r.ceType() + " violates its contract: " + violations + "\n" + r.value());
            JsonNode data = JSON.readTree(r.value());
            AssistanceItemPublished published = PublishedContracts.read(data, AssistanceItemPublished.class);
            assertEquals(data, JSON.readTree(mapper.writeValueAsString(published)),
                    r.ceType() + " reads back into AssistanceItemPublished with every value");
        }
        assertEquals(15, AssistanceEventTypes.ALL.size());
    }

    @Test
    void the_controllers_deadline_is_extended_only_within_the_first_month_and_then_to_three_months_from_receipt() {
        String agreement = activeAgreement();
        // Received 40 days ago: the first month (GDPR art. 12(3)) has run out.
        String late = registerForwardedRequest(agreement, now().minus(Duration.ofDays(40)));
        post(controllerToken(), "/data-subject-requests/{id}/deadline-extension", 2, Map.of("reasons", "Complex"), late)
                .statusCode(409).body("type", equalTo(PROBLEMS + "extension-after-first-month"))
                .body("detail", containsString("GDPR art. 12(3)"))
                .body("firstMonthDueOn", notNullValue());
        get(controllerToken(), "/data-subject-requests/{id}", late).statusCode(200).body("extensionReasons", nullValue());
        // Received 10 days ago: extended to receipt + 3 months, moved once off a non-working day.
        Instant received = now().minus(Duration.ofDays(10));
        String inTime = registerForwardedRequest(agreement, received);
        WorkingCalendar belgium = WorkingCalendar.belgium(ZoneId.of("Europe/Brussels"));
        LocalDate expected = Periods.lastDay(PeriodRule.months(3), belgium.dateOf(received), belgium);
        post(controllerToken(), "/data-subject-requests/{id}/deadline-extension", 2, Map.of("reasons", "Complex"), inTime)
                .statusCode(200).body("controllerAnswerDueOn", equalTo(expected.toString()));
    }

    @Test
    void requests_under_a_draft_are_refused_as_breaches_and_audits_are() {
        String draft = createDraft();
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"type\":\"ACCESS\",\"receivedAt\":\"" + now() + "\",\"reference\":\"DSR-2026-031\"}")
                .post("/agreements/{id}/data-subject-requests", draft).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "agreement-not-in-force")).body("agreementStatus", equalTo("DRAFT"));
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"authority\":\"Police\",\"receivedAt\":\"" + now() + "\",\"legalBasis\":\"Art. 88bis\",\"scope\":\"Logs\",\"dueAt\":\""
                        + now().plus(Duration.ofDays(3)) + "\"}")
                .post("/agreements/{id}/disclosure-requests", draft).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "agreement-not-in-force"));
        // After termination (DPA art. 3.2: art. 7 survives) a request is still registered.
        registerForwardedRequest(terminatedAgreement(), now());
    }

    @Test
    void instructions_are_given_during_the_exit_but_not_once_the_agreement_is_closed() {
        String agreement = terminatedAgreement();
        String body = "{\"text\":\"Return the Matomo database as CSV over SFTP, then wipe every backup\",\"effectiveFrom\":\"" + LocalDate.now() + "\"}";
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(body)
                .post("/agreements/{id}/instructions", agreement).then().statusCode(201).body("status", equalTo("ISSUED"));
        post(processorToken(), "/agreements/{id}/data-return", 5, Map.of("format", "text/csv", "sha256", ARCHIVE_SHA256,
                "deliveredAt", now().toString()), agreement).statusCode(200);
        post(processorToken(), "/agreements/{id}/destruction-confirmation", 6, Map.of("confirmedAt", now().toString(),
                "statement", "All copies destroyed"), agreement).statusCode(200).body("status", equalTo("CLOSED"));
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(body)
                .post("/agreements/{id}/instructions", agreement).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "agreement-not-active")).body("agreementStatus", equalTo("CLOSED"));
    }

    @Test
    void a_disclosure_dated_before_the_request_was_received_is_refused() {
        String agreement = activeAgreement();
        Instant received = now().minus(Duration.ofHours(2));
        String id = given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"authority\":\"Police\",\"receivedAt\":\"" + received + "\",\"legalBasis\":\"Art. 88bis\",\"scope\":\"Logs\",\"dueAt\":\""
                        + now().plus(Duration.ofDays(3)) + "\"}")
                .post("/agreements/{id}/disclosure-requests", agreement).then().statusCode(201).extract().path("id");
        post(processorToken(), "/disclosure-requests/{id}/disclosure", 2, Map.of("disclosedAt", received.minusSeconds(60).toString(),
                "disclosed", "Logs"), id).statusCode(400).body("type", equalTo(PROBLEMS + "disclosure-dated-before-receipt"))
                .body("violations[0].field", equalTo("disclosedAt"));
        post(processorToken(), "/disclosure-requests/{id}/disclosure", 2, Map.of("disclosedAt", received.toString(),
                "disclosed", "Logs"), id).statusCode(200).body("status", equalTo("DISCLOSED"));
    }

    @Test
    void the_data_subject_request_register_pages_by_when_each_was_registered_with_its_filters_applied() {
        String agreement = activeAgreement();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                    .body("{\"type\":\"ACCESS\",\"receivedAt\":\"" + now() + "\",\"reference\":\"DSR-2026-10" + i + "\"}")
                    .post("/agreements/{id}/data-subject-requests", agreement).then().statusCode(201).extract().<String>path("id"));
        }
        // Changed after the others were registered: it keeps its place (the list's order does not move under a reader).
        post(processorToken(), "/data-subject-requests/{id}/forwarding", 1, Map.of(), registered.get(0)).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(processorToken(), "/data-subject-requests?agreement={a}", agreement)
                .statusCode(200).body("items", hasSize(5))
                .body("items.find { it.id == '" + registered.get(0) + "' }.status", equalTo("AWAITING_APPROVAL")));

        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(processorToken()).queryParam("agreement", agreement).queryParam("open", true)
                    .queryParam("limit", 2);
            var page = (cursor == null ? request : request.queryParam("cursor", cursor))
                    .get("/data-subject-requests").then().statusCode(200)
                    .body("filters.agreement", equalTo(agreement)).body("filters.open", equalTo("true"));
            List<String> ids = page.extract().path("items.id");
            walked.addAll(ids);
            pageSizes.add(ids.size());
            cursor = page.extract().path("nextCursor");
        } while (cursor != null && pageSizes.size() < 10);
        assertEquals(List.of(2, 2, 1), pageSizes);
        List<String> newestFirst = new ArrayList<>(registered);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, walked, "every request once, newest registered first");
        problem(get(processorToken(), "/data-subject-requests?limit=201"), 400, "invalid-limit").body("violations[0].field", equalTo("limit"));
        problem(get(processorToken(), "/instructions?cursor=forged"), 400, "invalid-cursor").body("violations[0].field", equalTo("cursor"));
    }

    /** A data subject request registered (received at {@code receivedAt}) and forwarded: version 2. */
    private static String registerForwardedRequest(String agreement, Instant receivedAt) {
        String id = given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{\"type\":\"ACCESS\",\"receivedAt\":\"" + receivedAt + "\",\"reference\":\"DSR-2026-030\"}")
                .post("/agreements/{id}/data-subject-requests", agreement).then().statusCode(201).extract().path("id");
        post(processorToken(), "/data-subject-requests/{id}/forwarding", 1, Map.of(), id).statusCode(200);
        return id;
    }

    private static Set<String> types() {
        return TopicReader.readAll("dpa.agreements").stream().map(TopicReader.Received::ceType).collect(Collectors.toCollection(TreeSet::new));
    }
}
