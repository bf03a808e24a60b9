package eu.dpaledger.agreement.api;

import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GET /agreements: the read model fed from {@code dpa.agreements}, scoped to the caller's organisation and role,
 * eventually consistent. Each test drafts for a controller organisation of its own, so it owns every row it counts.
 */
@QuarkusTest
class AgreementListTest {

    @Test
    void following_next_cursor_walks_the_filtered_list_newest_first_without_repeats_or_gaps() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drafts.add(createDraft(token, seedWithController(org)));
        }
        String active = createDraft(token, seedWithController(org));
        sign(token, active, 1).statusCode(200);
        sign(processorToken(), active, 2).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token, "status", "ACTIVE").statusCode(200)
                .body("items.agreementId", contains(active)));

        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var page = cursor == null ? list(token, "status", "DRAFT", "limit", 2) : list(token, "status", "DRAFT", "limit", 2, "cursor", cursor);
            page.statusCode(200).body("filters.status", equalTo("DRAFT")).body("filters.size()", equalTo(1));
            List<String> ids = page.extract().path("items.agreementId");
            walked.addAll(ids);
            pageSizes.add(ids.size());
            cursor = page.extract().path("nextCursor");
        } while (cursor != null && pageSizes.size() < 10);

        assertEquals(List.of(2, 2, 1), pageSizes, "pages of at most `limit`; a next cursor exactly while more remain");
        List<String> newestFirst = new ArrayList<>(drafts);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, walked, "every draft once, newest first, the active one filtered out");
    }

    @Test
    void a_full_page_says_there_is_more_and_the_last_page_says_there_is_not() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        String first = createDraft(token, seedWithController(org));
        String second = createDraft(token, seedWithController(org));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token).statusCode(200).body("items", hasSize(2)));
        list(token).statusCode(200).body("nextCursor", nullValue()).body("filters", anEmptyMap());
        String next = list(token, "limit", 1).statusCode(200)
                .body("items.agreementId", contains(second)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        list(token, "limit", 1, "cursor", next).statusCode(200)
                .body("items.agreementId", contains(first)).body("nextCursor", nullValue());
    }

    @Test
    void a_limit_outside_1_to_200_is_refused_naming_the_limit() {
        list(controllerToken(), "limit", 200).statusCode(200);
        for (Object limit : List.of(201, 0, "ten")) {
            problem(list(controllerToken(), "limit", limit), 400, "invalid-limit").body("violations[0].field", equalTo("limit"));
        }
    }

    @Test
    void a_cursor_this_list_did_not_issue_is_refused_naming_the_cursor() {
        String notBase64 = "not a cursor";
        String notAnInstant = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("[\"yesterday\",\"x\"]".getBytes());
        String tooShort = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("[\"2026-01-01T00:00:00Z\"]".getBytes());
        for (String cursor : List.of(notBase64, notAnInstant, tooShort)) {
            problem(list(controllerToken(), "cursor", cursor), 400, "invalid-cursor").body("violations[0].field", equalTo("cursor"));
        }
    }

    @Test
    void a_row_summarises_the_agreement() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        String id = createDraft(token, seedWithController(org));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token).statusCode(200)
                .body("items.agreementId", contains(id)));
        list(token).statusCode(200)
                .body("items[0].version", equalTo(1))
                .body("items[0].status", equalTo("DRAFT"))
                .body("items[0].controllerOrg", equalTo(org))
                .body("items[0].controllerName", equalTo("Lokaal bestuur Opwijk"))
                .body("items[0].processorOrg", equalTo(PROCESSOR))
                .body("items[0].processorName", equalTo("European Service Network"))
                .body("items[0].assignment", equalTo("Opbouw en hosting website + hosting Matomo"))
                .body("items[0].highestInformationClass", equalTo(3))
                .body("items[0].supervisoryAuthority", equalTo("VTC"));
    }

    @Test
    void the_list_follows_the_agreement_through_its_lifecycle() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        String id = createDraft(token, seedWithController(org));
        sign(token, id, 1).statusCode(200);
        sign(processorToken(), id, 2).statusCode(200).body("status", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token, "status", "ACTIVE").statusCode(200)
                .body("items.agreementId", contains(id))
                .body("items[0].version", equalTo(4)));
    }

    @Test
    void the_status_filter_keeps_only_agreements_in_that_status() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        String draft = createDraft(token, seedWithController(org));
        String active = createDraft(token, seedWithController(org));
        sign(token, active, 1).statusCode(200);
        sign(processorToken(), active, 2).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token, "status", "ACTIVE").statusCode(200)
                .body("items.agreementId", contains(active)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token, "status", "DRAFT").statusCode(200)
                .body("items.agreementId", contains(draft)));
        list(token, "status", "CLOSED").statusCode(200).body("items", empty()).body("nextCursor", nullValue());
    }

    @Test
    void the_party_filter_accepts_any_spelling_of_the_counterparty() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        String id = createDraft(token, seedWithController(org));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token, "party", "BE 0428 304 785").statusCode(200)
                .body("items.agreementId", contains(id))
                .body("filters.party", equalTo(PROCESSOR)));
        list(token, "party", Tokens.HOSTING).statusCode(200).body("items", empty());
    }

    @Test
    void the_processor_sees_the_agreements_it_is_processor_of() {
        String org = newEnterpriseNumber();
        String id = createDraft(Tokens.controller(org), seedWithController(org));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(processorToken(), "party", org).statusCode(200)
                .body("items.agreementId", contains(id)));
    }

    @Test
    void outsiders_and_wrong_roles_see_none_of_them() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        String id = createDraft(token, seedWithController(org));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token).statusCode(200)
                .body("items.agreementId", contains(id)));
        list(Tokens.controller(Tokens.VOORBEELD), "party", org).statusCode(200).body("items", empty());
        list(Tokens.processor(Tokens.HOSTING), "party", org).statusCode(200).body("items", empty());
        // The controller's organisation acting as processor is not the processor of these agreements.
        list(Tokens.processor(org)).statusCode(200).body("items", empty());
    }

    @Test
    void an_unknown_status_is_refused() {
        problem(list(controllerToken(), "status", "PENDING"), 400, "invalid-status");
        problem(list(controllerToken(), "status", "active"), 400, "invalid-status");
    }

    @Test
    void a_party_filter_that_is_no_enterprise_number_is_refused() {
        problem(list(controllerToken(), "party", "0428304786"), 400, "invalid-enterprise-number");
        problem(list(controllerToken(), "party", "ESN"), 400, "invalid-enterprise-number");
    }

    private static ValidatableResponse list(String token, Object... query) {
        var request = given().auth().oauth2(token);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get("/agreements").then();
    }
}
