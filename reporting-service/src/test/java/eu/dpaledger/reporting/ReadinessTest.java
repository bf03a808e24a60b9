package eu.dpaledger.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** The service starts on its migrated database with the kernel's runner and Hibernate Reactive on one pool. */
@QuarkusTest
class ReadinessTest extends TestInfrastructure {

    @Test
    void the_service_is_ready_with_its_consumer_and_database() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
