package eu.dpaledger.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The agreement lifecycle through real Keycloak tokens, the packaged service and the Kafka process. */
@ExtendWith(Stack.class)
class AgreementFlowE2ETest {

    private static final String SIGNATURE = "{\"signerName\":\"Jan Voorbeeld\",\"signerTitle\":\"directeur\",\"place\":\"Opwijk\"}";

    @Test
    void an_agreement_is_drafted_signed_terminated_and_closed_with_its_events_on_kafka() throws Exception {
        String opwijk = Keycloak.user("opwijk-dpo");
        String esn = Keycloak.user("esn-staff");
        String body = Files.readString(Stack.ROOT.resolve("deploy/demo/opwijk-esn-agreement.json"));
        String id = as(opwijk).contentType(ContentType.JSON).body(body).post("/agreements")
                .then().statusCode(201).extract().path("id");
        command(opwijk, id, "/signatures", 1, SIGNATURE).statusCode(200);
        command(esn, id, "/signatures", 2, SIGNATURE).statusCode(200).body("status", equalTo("ACTIVE"));

        // The partner portal integrates by client credentials: a processor of ESN sees the agreement.
        as(Keycloak.esnPortal()).get("/agreements/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        command(opwijk, id, "/termination", 4, "{\"ground\":\"ASSIGNMENT_ENDED\",\"effectiveAt\":\"" + now.minusSeconds(5) + "\"}")
                .statusCode(200).body("status", equalTo("TERMINATED"));
        command(esn, id, "/data-return", 5, "{\"format\":\"application/json\",\"sha256\":\""
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"deliveredAt\":\"" + now + "\"}")
                .statusCode(200);
        command(esn, id, "/destruction-confirmation", 6, "{\"confirmedAt\":\"" + now + "\",\"statement\":\"All copies destroyed\"}")
                .statusCode(200).body("status", equalTo("CLOSED"));
        as(opwijk).get("/agreements/{id}/evidence", id).then().statusCode(200).body("intact", equalTo(true));

        await().atMost(Duration.ofSeconds(30)).until(() -> Topics.read("dpa.agreements", id).size() == 8);
        List<Topics.Event> events = Topics.read("dpa.agreements", id);
        assertEquals(List.of("DraftCreated", "AgreementSigned", "AgreementSigned", "AgreementActivated",
                        "AgreementTerminated", "DataReturned", "DestructionConfirmed", "AgreementClosed"),
                events.stream().map(e -> e.headers().get("ce_type").replaceAll("^eu\\.dpaledger\\.agreement\\.|\\.v1$", "")).toList());
        events.forEach(e -> assertEquals("/dpa-ledger/agreement-service", e.headers().get("ce_source")));

        // The list is a read model fed through Kafka.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(opwijk).queryParam("status", "CLOSED")
                .queryParam("limit", 200).get("/agreements").then().statusCode(200).body("items.agreementId", hasItem(id)));
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Stack.AGREEMENTS).auth().oauth2(token);
    }

    private static io.restassured.response.ValidatableResponse command(String token, String id, String path, long version, String body) {
        return as(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .post("/agreements/" + id + path).then();
    }
}
