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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eu.dpaledger.reporting.api.dashboard.DashboardPageTest.between;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lists behind the dashboard's numbers: a count leads to exactly the rows it counted, with the API's filters,
 * refusals, cursors and CSV.
 */
@QuarkusTest
class DashboardListsTest extends TestInfrastructure {

    static final String CONTROLLER = "0999000044";
    static final String PROCESSOR = "0999000055";
    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");

    @Inject
    Pool pool;

    private DashboardRows rows;

    @BeforeEach
    void rows() {
        TestClock.setNow(NOW);
        rows = new DashboardRows(pool);
        String agreement = rows.agreement(CONTROLLER, "Gemeente Lijsten", PROCESSOR, "Lijsten IT", "ACTIVE", NOW.minus(Duration.ofDays(40)), "BE");
        rows.agreement(CONTROLLER, "Gemeente Lijsten", PROCESSOR, "Lijsten IT", "DRAFT", NOW.minus(Duration.ofDays(4)), "BE");
        rows.obligation(agreement, CONTROLLER, "Gemeente Lijsten", PROCESSOR, "Lijsten IT", "INFORMATION_REQUEST", "PROCESSOR",
                "DPA art. 9.2", "Access logs, \"January\"", NOW.minus(Duration.ofDays(3)), null, "audit");
        rows.obligation(agreement, CONTROLLER, "Gemeente Lijsten", PROCESSOR, "Lijsten IT", "INFORMATION_REQUEST", "PROCESSOR",
                "DPA art. 9.2", "=HYPERLINK(\"http://evil.example\")", NOW.minus(Duration.ofDays(1)), null, "audit");
        rows.obligation(agreement, CONTROLLER, "Gemeente Lijsten", PROCESSOR, "Lijsten IT", "AUDIT", "CONTROLLER",
                "DPA art. 9.1", "Yearly audit", NOW.plus(Duration.ofDays(40)), null, "audit");
    }

    @AfterEach
    void realTime() {
        rows.clear(CONTROLLER, PROCESSOR);
        TestClock.reset();
    }

    private static String controller() {
        return Tokens.token("dpo-lijsten", CONTROLLER, "controller");
    }

    private static String page(String path) {
        return given().auth().oauth2(controller()).header("Accept-Language", "en").get(path)
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
    }

    @Test
    void a_count_leads_to_exactly_the_obligations_it_counted() {
        String overview = page("/");
        String row = between(overview, "data-kind=\"INFORMATION_REQUEST\"", "</tr>");
        Matcher link = Pattern.compile("<td class=\"num overdue\"><a href=\"([^\"]+)\">(\\d+)</a>").matcher(row);
        assertTrue(link.find(), row);
        assertEquals("2", link.group(2));
        String list = page(link.group(1).replace("&amp;", "&"));
        List<String> ids = ids(list);
        assertEquals(2, ids.size(), "the list has what the number counted: " + list);
        assertTrue(list.contains("Access logs, &quot;January&quot;") && list.contains("state-OVERDUE"));
        assertFalse(list.contains("Yearly audit"), "the audit is not overdue");
    }

    @Test
    void the_list_takes_the_apis_filters_and_refuses_what_the_api_refuses() {
        String refused = given().auth().oauth2(controller()).queryParam("state", "LATE").get("/dashboard/obligations")
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertTrue(refused.contains("<code>state</code>"), refused);
        given().auth().oauth2(controller()).queryParam("colour", "red").get("/dashboard/obligations")
                .then().statusCode(400).body(containsString("colour"));
        given().auth().oauth2(controller()).queryParam("state", "LATE").get("/obligations").then().statusCode(400);
    }

    @Test
    void the_list_pages_with_the_apis_cursor_without_repeating_a_row() {
        List<String> seen = new ArrayList<>();
        String next = "/dashboard/obligations?limit=1";
        while (next != null) {
            String html = page(next);
            seen.addAll(ids(html));
            Matcher m = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">").matcher(html);
            next = m.find() ? m.group(1).replace("&amp;", "&") : null;
        }
        assertEquals(3, seen.size(), "every open obligation once: " + seen);
        assertEquals(3, seen.stream().distinct().count());
    }

    @Test
    void the_csv_export_is_the_apis_csv_of_the_same_filters() {
        Response csv = given().auth().oauth2(controller()).queryParam("state", "OVERDUE").get("/dashboard/obligations.csv");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"));
        String body = csv.asString();
        String[] lines = body.split("\r\n");
        assertEquals(3, lines.length, "a header and the two overdue obligations: " + body);
        assertTrue(body.contains("'=HYPERLINK"), "a cell that would run as a formula is written as text");
        String api = given().auth().oauth2(controller()).accept("text/csv").queryParam("state", "OVERDUE").get("/obligations").asString();
        assertEquals(api, body, "the same export as the API's");
    }

    @Test
    void the_portfolio_list_and_its_csv_take_the_apis_filters() {
        String html = page("/dashboard/portfolio?status=ACTIVE");
        assertEquals(1, ids(html).size(), html);
        assertTrue(html.contains("Lijsten IT"));
        String csv = given().auth().oauth2(controller()).queryParam("status", "DRAFT").get("/dashboard/portfolio.csv")
                .then().statusCode(200).extract().asString();
        assertEquals(2, csv.split("\r\n").length, csv);
    }

    @Test
    void a_list_of_another_organisation_shows_nothing_of_this_one() {
        String html = given().auth().oauth2(Tokens.token("dpo-other", "0999000099", "controller", "processor"))
                .queryParam("counterpart", PROCESSOR).get("/dashboard/obligations").then().statusCode(200).extract().asString();
        assertTrue(ids(html).isEmpty() && !html.contains("Access logs"), html);
    }

    static List<String> ids(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-id=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
