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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's overview as a DPO sees it, with the test tokens as bearer tokens (the code flow with Keycloak is
 * tested end to end in e2e's DashboardE2ETest): its panels from the read models, only of the caller's organisation,
 * in the browser's language or the switch's, its forms refused without their CSRF token.
 */
@QuarkusTest
class DashboardPageTest extends TestInfrastructure {

    // Organisations of their own, so that other tests' rows in the shared database do not change these figures.
    static final String CONTROLLER = "0999000011";
    static final String PROCESSOR = "0999000022";
    static final String STRANGER = "0999000033";
    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");

    @Inject
    Pool pool;

    private DashboardRows rows;

    @BeforeEach
    void rows() {
        TestClock.setNow(NOW);
        rows = new DashboardRows(pool);
        String agreement = rows.agreement(CONTROLLER, "Gemeente Testdorp", PROCESSOR, "Hosting Test NV", "ACTIVE",
                NOW.minus(Duration.ofDays(90)), "BE", "NL");
        // Reported 30 hours after the processor became aware: the 24-hour report is done late (DPA art. 7.3).
        rows.breach(agreement, CONTROLLER, "Gemeente Testdorp", PROCESSOR, "Hosting Test NV",
                "Backup disk missing from the data centre", NOW.minus(Duration.ofHours(32)), NOW.minus(Duration.ofHours(2)));
        // The objection window closes at midnight after 16 December (Brussels): 30 days from today.
        rows.obligation(agreement, CONTROLLER, "Gemeente Testdorp", PROCESSOR, "Hosting Test NV", "OBJECTION_WINDOW", "CONTROLLER",
                "DPA art. 6.1", "Cloudflare, Inc.", Instant.parse("2026-12-16T23:00:00Z"), null, "subprocessor");
        rows.obligation(agreement, CONTROLLER, "Gemeente Testdorp", PROCESSOR, "Hosting Test NV", "INFORMATION_REQUEST", "PROCESSOR",
                "DPA art. 9.2", "Penetration test report", NOW.minus(Duration.ofDays(2)), null, "audit");
    }

    @AfterEach
    void realTime() {
        rows.clear(CONTROLLER, PROCESSOR, STRANGER);
        TestClock.reset();
    }

    private static String controller() {
        return Tokens.token("dpo-testdorp", CONTROLLER, "controller");
    }

    private static String overview(String token, String language) {
        return given().auth().oauth2(token).header("Accept-Language", language).get("/")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
    }

    @Test
    void a_late_breach_report_shows_as_late_next_to_the_running_72_hour_clock() {
        String html = overview(controller(), "en-GB,en;q=0.8");
        String row = between(html, "Backup disk missing from the data centre", "</tr>");
        assertTrue(row.contains("done 6 h late") && row.contains("state-DONE_LATE") && row.contains("Done late"), row);
        // To notify by 72 hours after the report (2 hours ago): 69 whole hours and some minutes left, on time.
        assertTrue(row.contains("69 h left") && row.contains("state-ON_TIME"), row);
        assertTrue(row.contains("Hosting Test NV"), "the counterpart: " + row);
    }

    @Test
    void an_open_objection_window_shows_its_days_left() {
        String html = overview(controller(), "en");
        String row = between(html, "Cloudflare, Inc.", "</tr>");
        assertTrue(row.contains("30 days"), row);
    }

    @Test
    void every_count_links_to_the_list_with_the_same_filters() {
        String html = overview(controller(), "en");
        String row = between(html, "data-kind=\"INFORMATION_REQUEST\"", "</tr>");
        assertTrue(row.contains("<a href=\"/dashboard/obligations?state=OVERDUE&amp;kind=INFORMATION_REQUEST\">1</a>"), row);
        String portfolio = between(html, "id=\"portfolio\"", "</section>");
        assertTrue(portfolio.contains("<a href=\"/dashboard/portfolio?status=ACTIVE\">1</a>"), portfolio);
        assertTrue(portfolio.contains("<a href=\"/dashboard/portfolio?country=NL\">1</a>"), portfolio);
    }

    @Test
    void another_organisation_sees_none_of_it() {
        String html = overview(Tokens.token("dpo-elders", STRANGER, "controller", "processor"), "en");
        for (String foreign : new String[]{"Backup disk", "Cloudflare", "Hosting Test NV", "Gemeente Testdorp", "Penetration test"}) {
            assertFalse(html.contains(foreign), foreign + " is not the stranger's");
        }
        assertTrue(html.contains("No breach clocks running"), "an empty board says so");
    }

    @Test
    void the_processor_sees_its_side_of_the_same_agreement() {
        String html = overview(Tokens.token("staff-hosting", PROCESSOR, "processor"), "en");
        String row = between(html, "Backup disk missing from the data centre", "</tr>");
        assertTrue(row.contains("Gemeente Testdorp"), "the controller is the processor's counterpart: " + row);
    }

    @Test
    void the_trends_show_each_months_last_snapshot_as_a_chart_drawn_from_its_table() {
        given().auth().oauth2(Tokens.admin()).contentType("application/json").post("/admin/snapshots").then().statusCode(200);
        String trends = between(overview(controller(), "en"), "id=\"trends\"", "</section>");
        assertTrue(trends.contains("data-chart-table=\"trend-table\""), "a chart drawn from the table: " + trends);
        // Open: the 72-hour notification, the objection window and the overdue information request; overdue: the request.
        assertTrue(trends.contains("<th scope=\"row\">Nov 2026</th><td class=\"num\">3</td><td class=\"num\">1</td>"), trends);
    }

    @Test
    void the_page_speaks_the_browsers_language() {
        String dutch = overview(controller(), "nl-BE,nl;q=0.9,en;q=0.5");
        assertTrue(dutch.contains("<html lang=\"nl\">") && dutch.contains("Klokken bij datalekken") && dutch.contains("6 u te laat gedaan"));
        String english = overview(controller(), "fr-BE,fr;q=0.9,en;q=0.5");
        assertTrue(english.contains("<html lang=\"en\">") && english.contains("Breach clocks"));
    }

    @Test
    void the_language_switch_overrides_the_browser_and_returns_to_the_page() {
        Response page = given().auth().oauth2(controller()).header("Accept-Language", "en").get("/?month=2026-12");
        String csrf = page.getCookie("csrf-token");
        String field = hidden(page.asString(), "csrf-token");
        assertEquals(csrf, field, "the form carries the cookie's token");
        Response switched = given().auth().oauth2(controller()).redirects().follow(false).cookie("csrf-token", csrf)
                .formParam("csrf-token", field).formParam("lang", "nl").formParam("back", "/?month=2026-12")
                .post("/dashboard/language");
        switched.then().statusCode(303).header("Location", endsWith("/?month=2026-12"));
        assertEquals("nl", switched.getCookie("dpa-lang"));
        String html = given().auth().oauth2(controller()).header("Accept-Language", "en").cookie("dpa-lang", "nl").get("/")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("<html lang=\"nl\">") && html.contains("Klokken bij datalekken"));
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
        Response page = given().auth().oauth2(controller()).get("/");
        Response withoutToken = given().auth().oauth2(controller()).redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token")).formParam("lang", "nl").post("/dashboard/language");
        assertEquals(400, withoutToken.statusCode());
        assertNull(withoutToken.getCookie("dpa-lang"), "no language was switched");
        Response otherToken = given().auth().oauth2(controller()).redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").formParam("lang", "nl").post("/dashboard/language");
        assertEquals(400, otherToken.statusCode());
        assertNull(otherToken.getCookie("dpa-lang"), "no language was switched");
    }

    @Test
    void the_language_switch_never_sends_the_browser_to_another_site() {
        Response page = given().auth().oauth2(controller()).get("/");
        String csrf = page.getCookie("csrf-token");
        for (String back : new String[]{"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            given().auth().oauth2(controller()).redirects().follow(false).cookie("csrf-token", csrf)
                    .formParam("csrf-token", csrf).formParam("lang", "en").formParam("back", back).post("/dashboard/language")
                    .then().statusCode(303).header("Location", not(containsString("evil"))).header("Location", endsWith("/"));
        }
    }

    @Test
    void the_calendar_shows_the_month_and_moves_by_htmx() {
        String html = overview(controller(), "en");
        String calendar = between(html, "id=\"calendar\"", "</section>");
        assertTrue(calendar.contains("November 2026"), calendar);
        assertTrue(calendar.contains("hx-get=\"/dashboard/calendar?month=2026-12\""), "next month by htmx");
        String december = given().auth().oauth2(controller()).header("HX-Request", "true").queryParam("month", "2026-12")
                .get("/dashboard/calendar").then().statusCode(200).extract().asString();
        assertTrue(december.startsWith("<section") || december.trim().startsWith("<section"), "a fragment: " + december);
        assertTrue(december.contains("December 2026") && december.contains("Cloudflare, Inc."), december);
        assertFalse(december.contains("<html"), "only the panel");
    }

    @Test
    void the_overview_takes_the_state_keycloak_adds_when_it_returns_from_a_logout() {
        given().auth().oauth2(controller()).queryParam("state", "48a7c4f2-9c7f-43d7-882d-602366fcfbdf").get("/")
                .then().statusCode(200).body(containsString("Breach clocks"));
    }

    @Test
    void a_bad_month_is_a_page_naming_the_parameter() {
        String html = given().auth().oauth2(controller()).queryParam("month", "2026-13").get("/")
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<code>month</code>"), html);
    }

    @Test
    void the_dashboard_is_for_the_parties_and_their_auditors_only() {
        String html = given().auth().oauth2(Tokens.admin()).get("/").then().statusCode(403)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("403"), html);
        given().get("/").then().statusCode(401);
    }

    @Test
    void the_pages_are_not_cached_and_run_only_their_own_scripts() {
        given().auth().oauth2(controller()).get("/").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().get("/webjars/chart.js/dist/chart.umd.js").then().statusCode(200);
        given().get("/static/dashboard.js").then().statusCode(200);
        given().get("/static/dashboard.css").then().statusCode(200);
    }

    static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "the page has " + start);
        int to = html.indexOf(end, from);
        return html.substring(from, to < 0 ? html.length() : to);
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "a hidden field " + name);
        return m.group(1);
    }
}
