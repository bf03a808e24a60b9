package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eu.dpaledger.reporting.api.dashboard.DashboardPageTest.between;
import static eu.dpaledger.reporting.api.dashboard.DashboardPageTest.hidden;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings page's forms: the organisation's "due soon" setting and the person's calendar links, CSRF-protected. */
@QuarkusTest
class DashboardSettingsTest extends TestInfrastructure {

    static final String CONTROLLER = "0999000066";
    static final String PROCESSOR = "0999000077";
    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");

    @Inject
    Pool pool;

    private DashboardRows rows;

    @BeforeEach
    void rows() {
        TestClock.setNow(NOW);
        rows = new DashboardRows(pool);
        String agreement = rows.agreement(CONTROLLER, "Gemeente Instelling", PROCESSOR, "Instelling BV", "ACTIVE", NOW.minus(Duration.ofDays(40)), "BE");
        rows.obligation(agreement, CONTROLLER, "Gemeente Instelling", PROCESSOR, "Instelling BV", "AUDIT", "CONTROLLER",
                "DPA art. 9.1", "Audit in ten days", NOW.plus(Duration.ofDays(10)), null, "audit");
    }

    @AfterEach
    void realTime() {
        rows.clear(CONTROLLER, PROCESSOR);
        TestClock.reset();
    }

    private static String controller() {
        return Tokens.token("dpo-instelling", CONTROLLER, "controller");
    }

    /** The settings page and its CSRF cookie, for the next form. */
    private static Response settingsPage() {
        return given().auth().oauth2(controller()).header("Accept-Language", "en").get("/dashboard/settings");
    }

    private static String auditCounts() {
        String html = given().auth().oauth2(controller()).header("Accept-Language", "en").get("/").then().statusCode(200).extract().asString();
        return between(html, "data-kind=\"AUDIT\"", "</tr>");
    }

    @Test
    void a_longer_due_soon_period_moves_an_obligation_from_on_time_to_due_soon() {
        assertTrue(auditCounts().contains("on-time\"><a href=\"/dashboard/obligations?state=ON_TIME&amp;kind=AUDIT\">1</a>"), auditCounts());
        Response page = settingsPage();
        String csrf = page.getCookie("csrf-token");
        String saved = given().auth().oauth2(controller()).header("Accept-Language", "en").cookie("csrf-token", csrf)
                .formParam("csrf-token", hidden(page.asString(), "csrf-token")).formParam("dueSoonDays", "14").formParam("breachDueSoonHours", "12")
                .post("/dashboard/settings").then().statusCode(200).extract().asString();
        assertTrue(saved.contains("Saved.") && saved.contains("value=\"14\""), saved);
        assertTrue(auditCounts().contains("due-soon\"><a href=\"/dashboard/obligations?state=DUE_SOON&amp;kind=AUDIT\">1</a>"), auditCounts());
        given().auth().oauth2(controller()).get("/settings").then().statusCode(200).body("dueSoonDays", equalTo(14));
    }

    @Test
    void a_setting_out_of_range_is_a_page_naming_the_field_and_changes_nothing() {
        Response page = settingsPage();
        int before = given().auth().oauth2(controller()).get("/settings").then().extract().path("breachDueSoonHours");
        String refused = given().auth().oauth2(controller()).cookie("csrf-token", page.getCookie("csrf-token"))
                .formParam("csrf-token", hidden(page.asString(), "csrf-token")).formParam("dueSoonDays", "7").formParam("breachDueSoonHours", "73")
                .post("/dashboard/settings").then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertTrue(refused.contains("<code>breachDueSoonHours</code>"), refused);
        given().auth().oauth2(controller()).get("/settings").then().body("breachDueSoonHours", equalTo(before));
    }

    @Test
    void a_settings_form_without_its_csrf_token_is_refused() {
        given().auth().oauth2(controller()).cookie("csrf-token", settingsPage().getCookie("csrf-token"))
                .formParam("dueSoonDays", "30").formParam("breachDueSoonHours", "12").post("/dashboard/settings")
                .then().statusCode(400);
        given().auth().oauth2(controller()).get("/settings").then().body("dueSoonDays", org.hamcrest.Matchers.not(equalTo(30)));
    }

    @Test
    void a_calendar_link_is_shown_once_works_without_a_login_and_stops_when_revoked() {
        Response page = settingsPage();
        String csrf = page.getCookie("csrf-token");
        String created = given().auth().oauth2(controller()).header("Accept-Language", "en").cookie("csrf-token", csrf)
                .formParam("csrf-token", hidden(page.asString(), "csrf-token")).formParam("label", "Outlook at the town hall")
                .post("/dashboard/settings/feed-tokens").then().statusCode(200).extract().asString();
        Matcher url = Pattern.compile("id=\"feed-url\" class=\"secret\" readonly value=\"([^\"]+)\"").matcher(created);
        assertTrue(url.find(), created);
        String feedUrl = url.group(1).replace("&amp;", "&");
        String token = feedUrl.substring(feedUrl.indexOf("token=") + 6);
        assertTrue(feedUrl.contains("/obligations.ics?token="), feedUrl);
        given().get(feedUrl).then().statusCode(200).body(containsString("Audit in ten days"));

        Response again = settingsPage();
        String listed = again.asString();
        assertFalse(listed.contains(token), "the secret is shown once only");
        assertTrue(listed.contains("Outlook at the town hall"));
        Matcher revoke = Pattern.compile("action=\"(/dashboard/settings/feed-tokens/[^\"]+/revocation)\"").matcher(listed);
        assertTrue(revoke.find(), listed);
        given().auth().oauth2(controller()).cookie("csrf-token", again.getCookie("csrf-token"))
                .formParam("csrf-token", hidden(listed, "csrf-token")).post(revoke.group(1))
                .then().statusCode(200).body(containsString("The link is revoked."));
        given().get(feedUrl).then().statusCode(404);
    }
}
