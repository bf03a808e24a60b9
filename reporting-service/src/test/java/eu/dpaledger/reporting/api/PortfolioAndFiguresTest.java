package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.infrastructure.query.PortfolioCounts;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioQueries;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The portfolio, the sub-processor exposure, the breach and audit figures and the trends, each for its own caller only. */
@QuarkusTest
class PortfolioAndFiguresTest extends TestInfrastructure {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    Pool pool;

    @Inject
    PortfolioQueries portfolio;

    Seed seed;

    @BeforeEach
    void seed() {
        seed = new Seed(pool);
    }

    @AfterEach
    void unseedAndRealTime() {
        seed.clear();
        TestClock.reset();
    }

    @Test
    void the_portfolio_shows_each_agreement_with_its_counterpart_subprocessors_and_obligations() throws Throwable {
        String controller = Seed.org();
        String esn = Seed.org();
        String hosting = Seed.org();
        TestClock.setNow(NOW);
        String older = Seed.uuid();
        String newer = Seed.uuid();
        String draft = Seed.uuid();
        seed.agreement(older, controller, esn, "ACTIVE", NOW.minus(Duration.ofDays(300)), "BE");
        seed.agreement(newer, controller, hosting, "TERMINATED", NOW.minus(Duration.ofDays(100)), "BE", "US");
        seed.agreement(draft, controller, hosting, "DRAFT", NOW.minus(Duration.ofDays(10)));
        seed.agreement(Seed.uuid(), Seed.org(), esn, "ACTIVE", NOW.minus(Duration.ofDays(5)), "NL");
        seed.subprocessor(older, "Cloudflare", "US", "APPROPRIATE_SAFEGUARDS", true, null);
        seed.subprocessor(older, "Proximus", "BE", null, false, null);
        seed.subprocessor(older, "Old host", "BE", null, false, NOW.minus(Duration.ofDays(30)));
        seed.obligation(controller, esn, NOW.minus(Duration.ofDays(1))).agreement(older).insert();
        seed.obligation(controller, esn, NOW.plus(Duration.ofDays(10))).agreement(older).insert();
        seed.obligation(controller, esn, NOW.minus(Duration.ofDays(1))).agreement(older).kind(ObligationKind.DISCLOSURE).hiddenFromController().insert();

        given().auth().oauth2(Tokens.controller(controller)).get("/portfolio").then().statusCode(200)
                .body("items.agreementId", contains(draft, newer, older))
                .body("items[2].counterpart.org", equalTo(esn))
                .body("items[2].subprocessorCount", equalTo(2))
                .body("items[2].openObligations", equalTo(2))
                .body("items[2].overdueObligations", equalTo(1))
                .body("items[2].status", equalTo("ACTIVE"))
                .body("items[1].processingCountries", contains("BE", "US"));
        // The processor sees its side, with the gagged request it must act on counted.
        given().auth().oauth2(Tokens.processor(esn)).queryParam("counterpart", controller).get("/portfolio").then().statusCode(200)
                .body("items.agreementId", contains(older))
                .body("items[0].counterpart.org", equalTo(controller))
                .body("items[0].openObligations", equalTo(3));
        given().auth().oauth2(Tokens.controller(controller)).queryParam("status", "ACTIVE,TERMINATED").queryParam("country", "US")
                .get("/portfolio").then().statusCode(200).body("items.agreementId", contains(newer));
        given().auth().oauth2(Tokens.controller(Seed.org())).get("/portfolio").then().statusCode(200).body("items", empty());
        given().auth().oauth2(Tokens.auditor(controller)).get("/portfolio").then().statusCode(200).body("items", empty());
        given().auth().oauth2(Tokens.controller(controller)).queryParam("country", "usa").get("/portfolio").then().statusCode(400)
                .body("violations[0].field", equalTo("country"));

        PortfolioCounts counts = VertxContextSupport.subscribeAndAwait(() ->
                portfolio.portfolioCounts(new Caller("dpo", controller, Set.of("controller")), PortfolioFilter.none()));
        assertEquals(3, counts.total());
        assertEquals(1L, counts.byStatus().get("ACTIVE"));
        assertEquals(1L, counts.byStatus().get("DRAFT"));
        assertEquals(0L, counts.byStatus().get("CLOSED"));
        assertEquals(hosting, counts.byCounterpart().get(0).counterpart().org());
        assertEquals(2L, counts.byCounterpart().get(0).agreements());
        assertEquals("BE", counts.byCountry().get(0).country());
        assertEquals(2L, counts.byCountry().get(0).agreements());
        given().auth().oauth2(Tokens.controller(controller)).queryParam("counterpart", hosting).get("/portfolio").then()
                .body("items", hasSize(2));
        given().auth().oauth2(Tokens.controller(controller)).queryParam("country", "BE").get("/portfolio").then()
                .body("items", hasSize(2));
    }

    @Test
    void the_exposure_groups_each_subprocessor_in_effect_with_the_agreements_using_it() {
        String controller = Seed.org();
        String esn = Seed.org();
        String hosting = Seed.org();
        String a = Seed.uuid();
        String b = Seed.uuid();
        String closed = Seed.uuid();
        String foreign = Seed.uuid();
        seed.agreement(a, controller, esn, "ACTIVE", NOW.minus(Duration.ofDays(300)), "BE");
        seed.agreement(b, controller, hosting, "ACTIVE", NOW.minus(Duration.ofDays(200)), "BE");
        seed.agreement(closed, controller, hosting, "CLOSED", NOW.minus(Duration.ofDays(900)), "BE");
        seed.agreement(foreign, Seed.org(), esn, "ACTIVE", NOW.minus(Duration.ofDays(5)), "BE");
        seed.subprocessor(a, "Cloudflare", "US", "APPROPRIATE_SAFEGUARDS", true, null);
        seed.subprocessor(b, "Cloudflare", "US", "ADEQUACY_DECISION", true, null);
        seed.subprocessor(a, "Proximus", "BE", null, false, null);
        seed.subprocessor(b, "Removed one", "BE", null, false, NOW.minus(Duration.ofDays(3)));
        seed.subprocessor(closed, "Legacy", "BE", null, false, null);
        seed.subprocessor(foreign, "Secret partner", "BE", null, false, null);
        String token = Tokens.controller(controller);

        given().auth().oauth2(token).get("/subprocessor-exposure").then().statusCode(200)
                .body("items.name", contains("Cloudflare", "Proximus"))
                .body("items[0].agreementCount", equalTo(2))
                .body("items[0].thirdCountry", equalTo(true))
                .body("items[0].transferMechanisms", contains("ADEQUACY_DECISION", "APPROPRIATE_SAFEGUARDS"))
                .body("items[0].agreements.agreementId", contains(org.hamcrest.Matchers.oneOf(a, b), org.hamcrest.Matchers.oneOf(a, b)));
        given().auth().oauth2(token).queryParam("thirdCountry", "false").get("/subprocessor-exposure").then()
                .body("items.name", contains("Proximus"));
        given().auth().oauth2(token).queryParam("mechanism", "ADEQUACY_DECISION").get("/subprocessor-exposure").then()
                .body("items.name", contains("Cloudflare")).body("items[0].agreements.agreementId", contains(b));
        given().auth().oauth2(token).queryParam("limit", 1).get("/subprocessor-exposure").then()
                .body("items.name", contains("Cloudflare")).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.processor(esn)).get("/subprocessor-exposure").then()
                .body("items.name", contains("Cloudflare", "Proximus", "Secret partner"));
        given().auth().oauth2(token).queryParam("mechanism", "SCC").get("/subprocessor-exposure").then().statusCode(400)
                .body("violations[0].field", equalTo("mechanism"));
    }

    @Test
    void breach_metrics_count_by_month_and_processor_against_24_and_72_hours() {
        String controller = Seed.org();
        String esn = Seed.org();
        String hosting = Seed.org();
        TestClock.setNow(NOW);
        // November (Brussels): one reported in 6 h and notified in time, one reported in 30 h and notified late.
        Instant nov = Instant.parse("2026-11-10T08:00:00Z");
        seed.breach(controller, esn, nov, 6, nov.plus(Duration.ofHours(6 + 40)), false);
        seed.breach(controller, hosting, nov, 30, nov.plus(Duration.ofHours(30 + 80)), false);
        // 30 November 23:30 UTC is 1 December in Brussels: notification still owed, deadline running.
        seed.breach(controller, esn, Instant.parse("2026-11-30T23:30:00Z"), 2, null, true);
        seed.breach(Seed.org(), esn, nov, 1, null, false);

        given().auth().oauth2(Tokens.controller(controller)).queryParam("months", 2).get("/breach-metrics").then().statusCode(200)
                .body("months", equalTo(2))
                .body("byMonth.month", contains("2026-11", "2026-12"))
                .body("byMonth[0].breaches", equalTo(2))
                .body("byMonth[0].reportedWithin24h", equalTo(1))
                .body("byMonth[0].reportedLate", equalTo(1))
                .body("byMonth[0].averageHoursToReport", equalTo(18.0f))
                .body("byMonth[0].maxHoursToReport", equalTo(30.0f))
                .body("byMonth[0].notifications.withinDeadline", equalTo(1))
                .body("byMonth[0].notifications.late", equalTo(1))
                .body("byMonth[1].breaches", equalTo(1))
                .body("byMonth[1].notifications.open", equalTo(1))
                .body("byProcessor[0].processor.org", equalTo(esn))
                .body("byProcessor[0].breaches", equalTo(2))
                .body("notifications.withinDeadline", equalTo(1))
                .body("notifications.late", equalTo(1))
                .body("notifications.open", equalTo(1));
        given().auth().oauth2(Tokens.processor(hosting)).get("/breach-metrics").then().statusCode(200)
                .body("byMonth", hasSize(12)).body("byProcessor.processor.org", contains(hosting));
        given().auth().oauth2(Tokens.controller(Seed.org())).get("/breach-metrics").then().statusCode(200)
                .body("byProcessor", empty()).body("notifications.late", equalTo(0));
        given().auth().oauth2(Tokens.controller(controller)).queryParam("months", 25).get("/breach-metrics").then().statusCode(400)
                .body("violations[0].field", equalTo("months"));
    }

    @Test
    void the_audit_overview_counts_statuses_open_findings_plans_and_measures_for_the_parties_and_the_appointed_firm() {
        String controller = Seed.org();
        String esn = Seed.org();
        String firm = Seed.org();
        TestClock.setNow(NOW);
        LocalDate today = LocalDate.of(2026, 12, 1);
        seed.audit(controller, esn, firm, "PLAN_DUE", NOW.minus(Duration.ofDays(2)), null, "MAJOR", "MINOR");
        seed.audit(controller, esn, null, "PLAN_APPROVED", null, today.minusDays(1), "CRITICAL");
        seed.audit(controller, esn, null, "SCHEDULED", null, null);
        seed.audit(Seed.org(), esn, firm, "PLAN_DUE", NOW.plus(Duration.ofDays(5)), null, "MINOR");

        given().auth().oauth2(Tokens.controller(controller)).get("/audit-overview").then().statusCode(200)
                .body("byStatus.PLAN_DUE", equalTo(1)).body("byStatus.SCHEDULED", equalTo(1)).body("byStatus.CLOSED", equalTo(0))
                .body("openFindingsBySeverity.MAJOR", equalTo(1)).body("openFindingsBySeverity.CRITICAL", equalTo(1))
                .body("plansOverdue", equalTo(1)).body("plansDue", equalTo(0))
                .body("measuresOverdue", equalTo(1)).body("measuresDue", equalTo(0))
                .body("byProcessor[0].audits", equalTo(3)).body("byProcessor[0].openFindings", equalTo(3));
        given().auth().oauth2(Tokens.auditor(firm)).get("/audit-overview").then().statusCode(200)
                .body("byStatus.PLAN_DUE", equalTo(2)).body("plansOverdue", equalTo(1)).body("plansDue", equalTo(1))
                .body("openFindingsBySeverity.MINOR", equalTo(2)).body("byStatus.PLAN_APPROVED", equalTo(0));
        given().auth().oauth2(Tokens.controller(firm)).get("/audit-overview").then().statusCode(200)
                .body("byProcessor", empty()).body("plansOverdue", equalTo(0));
    }

    @Test
    void a_snapshot_run_keeps_the_figures_of_the_day_per_role_and_twelve_months_of_them() {
        String controller = Seed.org();
        String esn = Seed.org();
        TestClock.setNow(NOW);
        seed.agreement(Seed.uuid(), controller, esn, "ACTIVE", NOW.minus(Duration.ofDays(300)), "BE");
        seed.obligation(controller, esn, NOW.minus(Duration.ofDays(1))).kind(ObligationKind.OBJECTION_WINDOW).insert();
        seed.obligation(controller, esn, NOW.plus(Duration.ofDays(1))).insert();
        seed.breach(controller, esn, NOW.minus(Duration.ofHours(10)), 2, null, true);
        pool.preparedQuery("INSERT INTO daily_snapshots (organisation, day, figures, taken_at) VALUES ($1, '2025-11-30', '{}', now())")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(controller)).await().indefinitely();

        given().auth().oauth2(Tokens.controller(controller)).contentType(io.restassured.http.ContentType.JSON).post("/admin/snapshots").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(io.restassured.http.ContentType.JSON).post("/admin/snapshots").then().statusCode(200)
                .body("organisations", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        TestClock.setNow(NOW.plus(Duration.ofDays(1)));
        seed.obligation(controller, esn, NOW.plus(Duration.ofDays(3))).insert();
        given().auth().oauth2(Tokens.admin()).contentType(io.restassured.http.ContentType.JSON).post("/admin/snapshots").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).contentType(io.restassured.http.ContentType.JSON).post("/admin/snapshots").then().statusCode(200);

        given().auth().oauth2(Tokens.controller(controller)).get("/trends").then().statusCode(200)
                .body("days.day", contains("2026-12-01", "2026-12-02"))
                .body("days[0].figures.openObligations", equalTo(2))
                .body("days[0].figures.overdueObligations", equalTo(1))
                .body("days[0].figures.overdueByKind.OBJECTION_WINDOW", equalTo(1))
                .body("days[0].figures.breaches", equalTo(1))
                .body("days[0].figures.notificationsOpen", equalTo(1))
                .body("days[0].figures.agreementsByStatus.ACTIVE", equalTo(1))
                .body("days[1].figures.openObligations", equalTo(3))
                .body("days[1].figures.overdueObligations", equalTo(2));
        // The processor's people see the processor's share of the same organisations' figures; others see nothing.
        given().auth().oauth2(Tokens.processor(esn)).get("/trends").then().statusCode(200)
                .body("days[0].figures.openObligations", equalTo(2));
        given().auth().oauth2(Tokens.processor(controller)).get("/trends").then().statusCode(200)
                .body("days[0].figures.openObligations", equalTo(0));
        given().auth().oauth2(Tokens.controller(Seed.org())).get("/trends").then().statusCode(200).body("days", empty());
        Long old = pool.preparedQuery("SELECT count(*) AS n FROM daily_snapshots WHERE organisation = $1 AND day < '2026-01-01'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(controller)).await().indefinitely().iterator().next().getLong("n");
        assertEquals(0L, old, "snapshots older than twelve months are deleted");
    }

    @Test
    void a_form_post_without_the_csrf_token_is_a_problem_naming_it_and_takes_no_snapshot() {
        // A bearer client that sends a form-typed POST meets the dashboard's CSRF check: a problem, not a bare 400.
        given().auth().oauth2(Tokens.admin()).contentType(io.restassured.http.ContentType.URLENC).post("/admin/snapshots")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/csrf-token-invalid"))
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("csrf-token"));
    }
}
