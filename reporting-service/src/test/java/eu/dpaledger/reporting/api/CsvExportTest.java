package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accept: text/csv on the lists: the whole filtered list, RFC 4180, UTF-8, a download a spreadsheet cannot be tricked by. */
@QuarkusTest
class CsvExportTest extends TestInfrastructure {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    Pool pool;

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
    void the_obligations_export_quotes_doubles_quotes_and_defuses_formulas() {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        String formula = seed.obligation(controller, processor, NOW.minus(Duration.ofDays(1))).title("=HYPERLINK(\"http://evil.example\",\"x\")").insert();
        String lines = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(1))).kind(ObligationKind.OBJECTION_WINDOW)
                .title("Line one\nline two; Zaventem é").insert();
        String minus = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(2))).title("-2+3").insert();

        Response response = given().auth().oauth2(Tokens.controller(controller)).accept("text/csv").get("/obligations");
        response.then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Type", org.hamcrest.Matchers.containsString("charset=UTF-8"))
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"obligations-2026-12-01.csv\""));
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("\uFEFFid,kind,agreement,"), body);
        assertTrue(body.contains("\"ESN, \"\"Digitaal\"\" bv\""), "a comma and quotes in a field: quoted, quotes doubled");
        assertTrue(body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), "a formula is defused with an apostrophe");
        assertTrue(body.contains(",'-2+3,"), "a cell starting with '-' is defused");
        assertTrue(body.contains("\"Line one\nline two; Zaventem é\""), "a line break inside a quoted field");
        assertTrue(body.endsWith("\r\n"));

        List<List<String>> rows = parse(body.substring(1));
        assertEquals(4, rows.size());
        List<String> header = rows.get(0);
        assertEquals(List.of(formula, lines, minus), rows.subList(1, 4).stream().map(r -> r.get(0)).toList());
        assertEquals("OVERDUE", rows.get(1).get(header.indexOf("state")));
        assertEquals("DUE_SOON", rows.get(2).get(header.indexOf("state")));
        assertEquals("ESN, \"Digitaal\" bv", rows.get(1).get(header.indexOf("processor_name")));
        assertEquals("DPA art. 9.2", rows.get(1).get(header.indexOf("article")));
        assertEquals("2026-11-30T10:00:00Z", rows.get(1).get(header.indexOf("due_at_utc")));
    }

    @Test
    void the_export_is_the_whole_filtered_list_across_pages_and_nobody_elses() {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        for (int i = 0; i < 230; i++) {
            seed.obligation(controller, processor, NOW.minus(Duration.ofMinutes(i + 1))).insert();
        }
        seed.obligation(controller, processor, NOW.plus(Duration.ofDays(30))).insert();
        seed.obligation(Seed.org(), processor, NOW.minus(Duration.ofDays(1))).insert();

        String body = given().auth().oauth2(Tokens.controller(controller)).accept("text/csv").queryParam("state", "OVERDUE")
                .get("/obligations").then().statusCode(200).extract().asString();
        List<List<String>> rows = parse(body.substring(1));
        assertEquals(231, rows.size(), "header and the 230 overdue ones, past the 200 of a page");
        assertEquals(230, rows.stream().skip(1).map(r -> r.get(0)).distinct().count());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(3).equals(controller)));
    }

    @Test
    void a_bad_filter_on_an_export_is_a_problem_not_a_file() {
        given().auth().oauth2(Tokens.controller(Seed.org())).accept("text/csv").queryParam("state", "LATE").get("/obligations")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("state"));
        given().auth().oauth2(Tokens.controller(Seed.org())).accept("text/csv").queryParam("limit", "5").get("/obligations")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
    }

    @Test
    void the_portfolio_and_exposure_exports_list_what_the_json_lists() {
        String controller = Seed.org();
        String processor = Seed.org();
        String agreement = Seed.uuid();
        seed.agreement(agreement, controller, processor, "ACTIVE", NOW.minus(Duration.ofDays(100)), "BE", "US");
        seed.subprocessor(agreement, "Cloudflare, Inc.", "US", "APPROPRIATE_SAFEGUARDS", true, null);
        String token = Tokens.controller(controller);

        List<List<String>> portfolio = parse(given().auth().oauth2(token).accept("text/csv").get("/portfolio").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("portfolio-")).extract().asString().substring(1));
        assertEquals(2, portfolio.size());
        assertEquals(agreement, portfolio.get(1).get(0));
        assertEquals("BE US", portfolio.get(1).get(portfolio.get(0).indexOf("processing_countries")));
        assertEquals("1", portfolio.get(1).get(portfolio.get(0).indexOf("subprocessors")));

        List<List<String>> exposure = parse(given().auth().oauth2(token).accept("text/csv").get("/subprocessor-exposure").then()
                .statusCode(200).extract().asString().substring(1));
        assertEquals(2, exposure.size());
        assertEquals(List.of("Cloudflare, Inc.", "US", "true"), exposure.get(1).subList(0, 3));
        assertEquals(agreement, exposure.get(1).get(exposure.get(0).indexOf("agreement")));
    }

    /** An independent RFC 4180 reader: quoted fields, doubled quotes, CRLF between records. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
