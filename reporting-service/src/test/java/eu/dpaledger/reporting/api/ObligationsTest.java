package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** GET /obligations: what each caller sees, each state computed now, the filters, the order and the pages. */
@QuarkusTest
class ObligationsTest extends TestInfrastructure {

    @Inject
    Pool pool;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void each_state_is_computed_at_the_clock_and_overdue_comes_first() {
        Seed seed = new Seed(pool);
        String controller = Seed.org();
        String processor = Seed.org();
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        TestClock.setNow(now);
        String onTime = seed.obligation(controller, processor, now.plus(Duration.ofDays(20))).insert();
        String dueSoon = seed.obligation(controller, processor, now.plus(Duration.ofDays(3))).insert();
        String overdue = seed.obligation(controller, processor, now.minus(Duration.ofDays(1))).insert();
        String done = seed.obligation(controller, processor, now.minus(Duration.ofDays(2))).met(now.minus(Duration.ofDays(3))).insert();
        String late = seed.obligation(controller, processor, now.minus(Duration.ofDays(5))).met(now.minus(Duration.ofDays(4))).insert();

        given().auth().oauth2(Tokens.controller(controller)).get("/obligations")
                .then().statusCode(200)
                .body("items.id", contains(overdue, dueSoon, onTime, late, done))
                .body("items.state", contains("OVERDUE", "DUE_SOON", "ON_TIME", "DONE_LATE", "DONE"));
    }
}
