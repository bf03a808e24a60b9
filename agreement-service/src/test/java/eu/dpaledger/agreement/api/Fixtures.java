package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The seed agreement (deploy/demo) as a request body, and the calls every test repeats. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTROLLER = Tokens.OPWIJK;
    static final String PROCESSOR = Tokens.ESN;

    private Fixtures() {
    }

    /** A fresh copy of the seed agreement body (Opwijk ↔ ESN). */
    static ObjectNode seed() {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("../deploy/demo/opwijk-esn-agreement.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String controllerToken() {
        return Tokens.controller(CONTROLLER);
    }

    static String processorToken() {
        return Tokens.processor(PROCESSOR);
    }

    static String createDraft() {
        return given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(seed().toString())
                .post("/agreements").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse sign(String token, String id, long version) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("signerName", "Jan Voorbeeld", "signerTitle", "algemeen directeur", "place", "Opwijk"))
                .post("/agreements/{id}/signatures", id).then();
    }

    /** A draft signed by both parties: ACTIVE at version 4 (created, signed, signed, activated). */
    static String activeAgreement() {
        String id = createDraft();
        sign(controllerToken(), id, 1).statusCode(200);
        sign(processorToken(), id, 2).statusCode(200);
        return id;
    }

    static ValidatableResponse post(String token, String path, long version, Object body, Object... params) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(body).post(path, params).then();
    }
}
