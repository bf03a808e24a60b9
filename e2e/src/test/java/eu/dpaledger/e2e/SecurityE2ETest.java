package eu.dpaledger.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Who may see what, with tokens issued by the real Keycloak. */
@ExtendWith(Stack.class)
class SecurityE2ETest {

    private static String demoAgreement;

    @BeforeAll
    static void findTheDemoAgreement() {
        // Loaded by ./dpa up: Opwijk ↔ ESN, active.
        demoAgreement = Stack.demoAgreement(Keycloak.user("opwijk-dpo"));
    }

    @Test
    void a_foreign_organisation_gets_404_on_every_agreement_endpoint() {
        for (String user : List.of("voorbeeld-dpo", "hosting-staff")) {
            String token = Keycloak.user(user);
            for (String path : List.of("", "/events", "/evidence", "/export")) {
                given().baseUri(Stack.AGREEMENTS).auth().oauth2(token).get("/agreements/" + demoAgreement + path)
                        .then().statusCode(404).contentType("application/problem+json");
            }
            for (String command : List.of("/signatures", "/addenda", "/termination", "/data-return", "/destruction-confirmation")) {
                given().baseUri(Stack.AGREEMENTS).auth().oauth2(token).contentType(ContentType.JSON)
                        .header("If-Match", "\"4\"").body("{}").post("/agreements/" + demoAgreement + command)
                        .then().statusCode(404);
            }
        }
        given().baseUri(Stack.AGREEMENTS).auth().oauth2(Keycloak.user("auditor")).get("/agreements/" + demoAgreement)
                .then().statusCode(403);
    }

    @Test
    void a_tampered_token_gets_401() {
        String token = Keycloak.user("opwijk-dpo");
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("0207511803", "0428304785"); // pretend to be the processor's organisation
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().baseUri(Stack.AGREEMENTS).auth().oauth2(forged).get("/agreements/" + demoAgreement)
                .then().statusCode(401).contentType("application/problem+json");
        given().baseUri(Stack.AGREEMENTS).get("/agreements/" + demoAgreement).then().statusCode(401);
    }

    @Test
    void an_expired_token_gets_401() {
        // A client whose tokens live one second, created through Keycloak's admin API.
        String admin = Keycloak.admin();
        given().baseUri(Stack.KEYCLOAK).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", "e2e-short-lived", "publicClient", true, "directAccessGrantsEnabled", true,
                        "attributes", Map.of("access.token.lifespan", "1"),
                        "protocolMappers", List.of(
                                Map.of("name", "org", "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                                        "config", Map.of("user.attribute", "org", "claim.name", "org", "jsonType.label", "String", "access.token.claim", "true")),
                                Map.of("name", "roles", "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-realm-role-mapper",
                                        "config", Map.of("claim.name", "roles", "jsonType.label", "String", "multivalued", "true", "access.token.claim", "true")),
                                Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                        "config", Map.of("included.custom.audience", "dpa-services", "access.token.claim", "true")))))
                .post("/admin/realms/dpa/clients").then().statusCode(201);
        String shortLived = given().formParams(Map.of("grant_type", "password", "client_id", "e2e-short-lived",
                        "username", "opwijk-dpo", "password", "demo"))
                .post(Keycloak.TOKEN_URL).then().statusCode(200).extract().path("access_token");
        // Valid at first, then refused once it has expired (polled, no fixed sleep).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(Stack.AGREEMENTS).auth().oauth2(shortLived).get("/agreements/" + demoAgreement)
                        .then().statusCode(401));
    }

    @Test
    void the_demo_data_shows_isolation_between_organisations() {
        given().baseUri(Stack.AGREEMENTS).auth().oauth2(Keycloak.user("voorbeeld-dpo")).get("/agreements")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue()).body("items[0].status", equalTo("DRAFT"))
                .body("items[0].processorOrg", equalTo("0876543270"));
        given().baseUri(Stack.AGREEMENTS).auth().oauth2(Keycloak.user("hosting-staff")).get("/agreements")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
    }
}
