package eu.dpaledger.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data in the ledger (docs/ARCHITECTURE.md "Personal data") across the real services: sealed on Kafka, one
 * access request answering for every service, no erasure under a legal hold that breach-service's events set, and an
 * erased signer reading as erased in the agreement, in its list (also rebuilt from the topic), with the evidence intact.
 */
@ExtendWith(Stack.class)
class PersonalDataE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_signer_is_erased_across_the_stack_once_no_legal_hold_applies() throws Exception {
        String opwijk = Keycloak.user("opwijk-dpo");
        String esn = Keycloak.user("esn-staff");
        String operator = Keycloak.user("operator");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String jan = "Jan Voorbeeld " + suffix;
        String piet = "Piet Proef " + suffix;
        String pietEmail = "piet." + suffix + "@example.com";

        // The demo agreement has open breaches and audits: its people are held (GDPR art. 17(3)(e)).
        String demo = Stack.demoAgreement(opwijk);
        await().atMost(Duration.ofSeconds(60)).until(() -> !holds(operator, demo).isEmpty());
        erase(operator, "Jan Voorbeeld", demo).statusCode(409).body("type", endsWith("/legal-hold"))
                .body("article", equalTo("GDPR art. 17(3)(e)")).body("holds.source", hasItem("breach"));

        // The same agreement, its people with names of their own.
        ObjectNode body = (ObjectNode) JSON.readTree(Files.readString(Stack.ROOT.resolve("deploy/demo/opwijk-esn-agreement.json")));
        ((ObjectNode) body.get("controller").get("representative")).put("name", jan).put("email", "jan." + suffix + "@example.org");
        ((ObjectNode) body.get("processor").get("representative")).put("name", piet).put("email", pietEmail);
        String id = agreements(opwijk).contentType(ContentType.JSON).body(body.toString()).post("/agreements")
                .then().statusCode(201).extract().path("id");
        sign(opwijk, id, 1, jan);
        sign(esn, id, 2, piet).body("status", equalTo("ACTIVE"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Topics.read("dpa.agreements", id).size() == 4);
        for (Topics.Event e : Topics.read("dpa.agreements", id)) {
            assertFalse(e.value().contains(jan) || e.value().contains(piet) || e.value().contains(pietEmail),
                    "a clear personal value on dpa.agreements: " + e.value());
        }

        // ESN reports a breach of it naming Piet as its contact: breach-service seals him too.
        await().atMost(Duration.ofSeconds(30)).until(() -> breaches(esn).contentType(ContentType.JSON).body("{}")
                .post("/agreements/{id}/breaches", id).then().extract().statusCode() == 400);
        Instant aware = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String breach = breaches(esn).contentType(ContentType.JSON).body("{\"processorAwareAt\":\"" + aware + "\","
                        + "\"description\":\"A test laptop went missing\",\"internalContact\":{\"name\":\"" + piet + "\",\"email\":\""
                        + pietEmail + "\",\"phone\":\"+32 000 00 00 09\"},\"circumstances\":[\"E\"]}")
                .post("/agreements/{id}/breaches", id).then().statusCode(201).extract().path("id");
        breaches(opwijk).get("/breaches/{id}", breach).then().statusCode(200).body("report.internalContact.email", equalTo(pietEmail));
        await().atMost(Duration.ofSeconds(30)).until(() -> Topics.read("dpa.breaches", breach).size() == 1);
        assertFalse(Topics.read("dpa.breaches", breach).get(0).value().contains(pietEmail), "the contact is sealed on dpa.breaches");

        // One access request, at agreement-service, answers for every service (GDPR art. 15).
        agreements(operator).queryParam("subject", pietEmail).get("/admin/personal-data").then().statusCode(200)
                .body("unreachable", empty())
                .body("services.find { it.service == 'agreement-service' }.records[0].values.value", hasItems(piet, pietEmail))
                .body("services.find { it.service == 'breach-service' }.records[0].kinds", contains("contact"))
                .body("services.find { it.service == 'breach-service' }.records[0].values.value", hasItems(piet, pietEmail));

        // While the breach awaits the controller's assessment, the agreement is held; once assessed, it is not.
        await().atMost(Duration.ofSeconds(30)).until(() -> !holds(operator, id).isEmpty());
        erase(operator, jan, id).statusCode(409).body("holds[0].reference", equalTo(breach));
        breaches(opwijk).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"risk\":\"UNLIKELY\",\"justification\":\"The laptop was encrypted and found again\"}")
                .post("/breaches/{id}/assessment", breach).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> holds(operator, id).isEmpty());

        String erasureId = erase(operator, jan, id).statusCode(201).body("keys[0].kinds", hasItems("representative", "signer"))
                .extract().path("erasureId");
        String erased = "erased on " + LocalDate.now(ZoneOffset.UTC);
        agreements(opwijk).get("/agreements/{id}", id).then().statusCode(200)
                .body("signatures.find { it.party == 'CONTROLLER' }.signerName", equalTo(erased))
                .body("content.controller.representative.name", equalTo(erased))
                .body("signatures.find { it.party == 'PROCESSOR' }.signerName", equalTo(piet));
        agreements(opwijk).get("/agreements/{id}/evidence", id).then().statusCode(200).body("intact", equalTo(true));

        // The list is a read model fed from Kafka: erased there, and still erased when rebuilt from the topic.
        await().atMost(Duration.ofSeconds(30)).until(() -> erased.equals(listedSigner(opwijk, id)));
        agreements(operator).contentType(ContentType.JSON).post("/admin/projections/agreement-list/rebuild").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> erased.equals(listedSigner(opwijk, id)));

        // The erasure is on the topic, naming keys and agreement, never the value.
        await().atMost(Duration.ofSeconds(30)).until(() -> Topics.read("dpa.agreements", "erasure-" + erasureId).size() == 1);
        Topics.Event recorded = Topics.read("dpa.agreements", "erasure-" + erasureId).get(0);
        assertTrue(recorded.headers().get("ce_type").equals("eu.dpaledger.personaldata.PersonalDataErased.v1"));
        assertTrue(recorded.value().contains(id) && !recorded.value().contains(jan), recorded.value());
    }

    private static String listedSigner(String token, String id) {
        return agreements(token).queryParam("limit", 200).get("/agreements").then().statusCode(200)
                .extract().path("items.find { it.agreementId == '" + id + "' }.signers.find { it.party == 'CONTROLLER' }.name");
    }

    private static List<Object> holds(String operator, String agreementId) {
        return agreements(operator).queryParam("agreementId", agreementId).get("/admin/personal-data/holds").then()
                .statusCode(200).extract().path("holds");
    }

    private static io.restassured.response.ValidatableResponse erase(String operator, String subject, String agreementId) {
        return agreements(operator).contentType(ContentType.JSON).body(Map.of("subject", subject, "agreementId", agreementId,
                        "reason", "The representative left the municipality", "legalGround", "GDPR art. 17(1)(a)"))
                .post("/admin/personal-data/erasures").then();
    }

    private static io.restassured.response.ValidatableResponse sign(String token, String id, long version, String signer) {
        return agreements(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("signerName", signer, "signerTitle", "algemeen directeur", "place", "Opwijk"))
                .post("/agreements/{id}/signatures", id).then().statusCode(200);
    }

    private static RequestSpecification agreements(String token) {
        return given().baseUri(Stack.AGREEMENTS).auth().oauth2(token);
    }

    private static RequestSpecification breaches(String token) {
        return given().baseUri(Stack.BREACHES).auth().oauth2(token);
    }
}
