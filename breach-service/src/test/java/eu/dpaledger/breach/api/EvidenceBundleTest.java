package eu.dpaledger.breach.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static eu.dpaledger.breach.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A breach's evidence bundle (docs/EVIDENCE.md): its events as stored (the contact sealed), signed, for its parties only. */
@QuarkusTest
class EvidenceBundleTest {

    @Test
    void a_party_exports_the_breach_bundle_with_its_checkpoint_and_the_contact_sealed() throws Exception {
        ObjectNode body = minimal(TestClock.now().minusSeconds(3600));
        body.putObject("internalContact").put("name", "Mia Melder").put("email", "mia.melder@example.com").put("phone", "+32 000 00 00 07");
        String id = reported(activeAgreement(), body);
        given().auth().oauth2(controllerToken()).get("/breaches/{id}", id).then().statusCode(200)
                .body("report.internalContact.name", equalTo("Mia Melder"));

        String text = given().auth().oauth2(controllerToken()).get("/breaches/{id}/evidence-bundle", id).then().statusCode(200)
                .header("Content-Disposition", containsString("breach-" + id + "-evidence.json")).extract().asString();
        JsonNode bundle = JSON.readTree(text);
        assertEquals("dpa-ledger-evidence-bundle", bundle.get("format").asText());
        assertEquals("breach", bundle.at("/subject/streamType").asText());
        assertEquals(1, bundle.at("/streams/0/events").size());
        assertTrue(bundle.get("checkpoints").size() >= 1 && bundle.at("/keys/keys").size() >= 1, text);
        assertTrue(bundle.at("/canonicalisation/eventHash").asText().contains("SHA-256"), text);
        assertFalse(text.contains("Mia Melder") || text.contains("mia.melder@example.com"), "the contact is sealed in the bundle: " + text);

        given().auth().oauth2(Tokens.processor(Tokens.HOSTING)).get("/breaches/{id}/evidence-bundle", id).then().statusCode(404);
        given().get("/.well-known/jwks.json").then().statusCode(200).body("keys[0].crv", equalTo("Ed25519"));
    }
}
