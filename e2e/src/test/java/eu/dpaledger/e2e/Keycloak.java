package eu.dpaledger.e2e;

import io.restassured.RestAssured;

import java.util.Map;

/** Real access tokens from the stack's Keycloak (realm dpa). */
final class Keycloak {

    static final String TOKEN_URL = Stack.KEYCLOAK + "/realms/dpa/protocol/openid-connect/token";

    private Keycloak() {
    }

    /** Password grant of the public client dpa-cli (demo users, password "demo"). */
    static String user(String username) {
        return RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "dpa-cli",
                        "username", username, "password", "demo"))
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    /** Client credentials of the confidential partner-portal client esn-portal (processor, ESN). */
    static String esnPortal() {
        return RestAssured.given().formParams(Map.of("grant_type", "client_credentials", "client_id", "esn-portal",
                        "client_secret", "esn-portal-secret"))
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    /** A token of the master realm's admin, for the Keycloak admin API. */
    static String admin() {
        return RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
