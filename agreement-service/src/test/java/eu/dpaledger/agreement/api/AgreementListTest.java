package eu.dpaledger.agreement.api;

import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    void the_list_pages_through_the_callers_agreements() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        List<String> ids = List.of(createDraft(token, seedWithController(org)), createDraft(token, seedWithController(org)),
                createDraft(token, seedWithController(org)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token, "size", 2).statusCode(200)
                .body("total", equalTo(3)));
        list(token, "size", 2).statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("items", hasSize(2));
        list(token, "size", 2, "page", 1).statusCode(200)
                .body("page", equalTo(1)).body("items", hasSize(1)).body("total", equalTo(3));
        List<String> paged = new ArrayList<>(list(token, "size", 2).extract().<List<String>>path("items.agreementId"));
        paged.addAll(list(token, "size", 2, "page", 1).extract().<List<String>>path("items.agreementId"));
        assertEquals(Set.copyOf(ids), Set.copyOf(paged), "every agreement on exactly one page");
        assertEquals(3, paged.size());
        list(token, "size", 2, "page", 5).statusCode(200).body("items", empty()).body("total", equalTo(3));
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
                .body("items.agreementId", contains(active)).body("total", equalTo(1)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token, "status", "DRAFT").statusCode(200)
                .body("items.agreementId", contains(draft)).body("total", equalTo(1)));
        list(token, "status", "CLOSED").statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void the_party_filter_accepts_any_spelling_of_the_counterparty() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        String id = createDraft(token, seedWithController(org));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> list(token, "party", "BE 0428 304 785").statusCode(200)
                .body("items.agreementId", contains(id)));
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
        list(Tokens.controller(Tokens.VOORBEELD), "party", org).statusCode(200).body("items", empty()).body("total", equalTo(0));
        list(Tokens.processor(Tokens.HOSTING), "party", org).statusCode(200).body("items", empty());
        // The controller's organisation acting as processor is not the processor of these agreements.
        list(Tokens.processor(org)).statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void the_page_size_is_capped_at_100() {
        list(controllerToken(), "size", 1000).statusCode(200).body("size", equalTo(100));
        list(controllerToken(), "size", 100).statusCode(200).body("size", equalTo(100));
    }

    @Test
    void a_negative_page_or_an_empty_page_size_is_refused() {
        problem(list(controllerToken(), "page", -1), 400, "invalid-page");
        problem(list(controllerToken(), "size", 0), 400, "invalid-page");
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

    @Test
    void a_page_that_is_not_a_number_is_a_bad_request() {
        // The list exists: a malformed query parameter is the client's input error (400), not a missing resource (404).
        problem(list(controllerToken(), "page", "first"), 400, "invalid-page");
        problem(list(controllerToken(), "size", "ten"), 400, "invalid-page");
    }

    private static ValidatableResponse list(String token, Object... query) {
        var request = given().auth().oauth2(token);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get("/agreements").then();
    }
}
