package eu.dpaledger.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DPO dashboard as a person uses it, in a real (headless) Chromium against the real stack: Opwijk's DPO logs in on
 * Keycloak's login page (client dpa-dashboard, authorization code flow), sees the demo data's late breach report as
 * late and the Cloudflare objection window with its days left, follows a count to its list, exports it as CSV,
 * switches to Dutch, loses her session during an htmx request and lands on the login, and logs out; Gemeente
 * Voorbeeld's DPO sees none of Opwijk's data; ESN's staff sees the processor's side. Screenshots go to
 * {@code target/}; {@code target/dashboard.png} is the one in docs/images.
 *
 * <p>Runs first ({@code @Order}, junit-platform.properties): it reads the demo data as {@code ./dpa up} loaded it,
 * before SubprocessorE2ETest objects to the Cloudflare change.
 */
@ExtendWith(Stack.class)
@Order(1)
class DashboardE2ETest {

    static final Path SCREENSHOTS = Path.of("target");
    static final String OPWIJK = "0207511803";
    static final String LATE_BREACH = "A backup disk of the website database is missing";
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        // Debian's Chromium, not a downloaded one (RECIPES; .ci/run installs it).
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("dpa.chromium", "/usr/bin/chromium"))).setHeadless(true));
        // The read models catch up with the demo data through Kafka: both demo breaches' 24-hour clocks are there.
        String opwijk = Keycloak.user("opwijk-dpo");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(Stack.REPORTING).auth().oauth2(opwijk)
                .queryParam("kind", "BREACH_REPORT").get("/obligations").then().statusCode(200)
                .extract().<List<String>>path("items.title").stream().filter(t -> t.startsWith(LATE_BREACH) || t.startsWith("Phishing")).count() == 2);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private static BrowserContext context() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1400).setLocale("en-GB")
                .setAcceptDownloads(true));
    }

    /** Opens the dashboard, which sends the browser to Keycloak's login page, and logs in there. */
    private static void logIn(Page page, String user) {
        page.navigate(Stack.REPORTING + "/");
        loginForm(page, user);
        page.waitForURL(Stack.REPORTING + "/");
    }

    private static void loginForm(Page page, String user) {
        page.waitForURL(Pattern.compile(Pattern.quote(Stack.KEYCLOAK + "/realms/dpa/protocol/openid-connect/auth") + ".*"));
        assertTrue(page.url().contains("client_id=dpa-dashboard") && page.url().contains("code_challenge_method=S256"), page.url());
        page.locator("#username").fill(user);
        page.locator("#password").fill("demo");
        page.locator("#kc-login").click();
    }

    @Test
    void opwijks_dpo_sees_her_clocks_follows_a_count_exports_it_switches_language_and_logs_out() throws Exception {
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            logIn(page, "opwijk-dpo");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("DPO dashboard");
            assertThat(page.locator(".who")).containsText(OPWIJK);

            // The demo's late breach: reported about 30 hours after ESN became aware, so its 24-hour clock is done late.
            Locator late = page.locator("table.breach-board tr").filter(new Locator.FilterOptions().setHasText(LATE_BREACH));
            assertThat(late.locator(".clock-24 .state")).hasClass(Pattern.compile(".*state-DONE_LATE.*"));
            assertThat(late.locator(".clock-24")).containsText(Pattern.compile("done \\d+ h late"));
            assertThat(late.locator(".clock-24")).containsText("Done late");
            assertThat(late.locator(".clock-72")).containsText(Pattern.compile("\\d+ h left"));
            assertThat(late).containsText("European Service Network");

            // The Cloudflare change's objection window, with the days left to its last day (from subprocessor-service).
            Locator cloudflare = page.locator("table.objection-windows tr").filter(new Locator.FilterOptions().setHasText("Cloudflare, Inc."));
            assertThat(cloudflare.locator(".days-left")).containsText(daysLeft(cloudflareWindowEnd()) + " days");

            // The session: three cookies of the dashboard tenant (ID, access and refresh token), each far below 4 KB.
            List<Cookie> cookies = context.cookies(Stack.REPORTING);
            assertTrue(cookies.stream().anyMatch(c -> c.name.equals("q_session_dashboard")), names(cookies));
            for (Cookie cookie : cookies) {
                assertTrue(cookie.name.length() + cookie.value.length() < 4000, cookie.name + " is " + cookie.value.length() + " bytes");
            }
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard.png")));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-full.png")).setFullPage(true));

            // A count leads to its list: the 24-hour reports done late.
            Locator doneLate = page.locator("table.state-counts tr").filter(new Locator.FilterOptions().setHasText("Breach report (24 h)"))
                    .locator("a[href*='state=DONE_LATE']");
            int counted = Integer.parseInt(doneLate.textContent().trim());
            assertTrue(counted >= 1, "the late demo report is counted");
            doneLate.click();
            page.waitForURL(Pattern.compile(".*/dashboard/obligations\\?state=DONE_LATE&kind=BREACH_REPORT$"));
            assertThat(page.locator("h1")).hasText("Obligations");
            assertThat(page.locator("table.obligations tbody tr")).hasCount(counted);
            assertThat(page.locator("table.obligations")).containsText(LATE_BREACH);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-list.png")));

            // The list as CSV: a download with the same rows.
            Download download = page.waitForDownload(() -> page.locator("a.export").click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            String[] lines = csv.split("\r\n");
            assertTrue(lines[0].replace("\uFEFF", "").startsWith("id,kind,agreement,"), lines[0]);
            assertEquals(counted + 1, lines.length, csv);
            assertTrue(csv.contains(LATE_BREACH) && csv.contains("DONE_LATE") && csv.contains("DPA art. 7.3"), csv);
            assertTrue(download.suggestedFilename().startsWith("obligations-") && download.suggestedFilename().endsWith(".csv"));

            // Dutch, by the switch (the browser asks for English): it stays for the next pages.
            page.locator("form.language button[lang='nl']").click();
            page.waitForURL(Pattern.compile(".*/dashboard/obligations\\?state=DONE_LATE&kind=BREACH_REPORT$"));
            assertThat(page.locator("html")).hasAttribute("lang", "nl");
            assertThat(page.locator("h1")).hasText("Verplichtingen");
            assertThat(page.locator("table.obligations")).containsText("Te laat gedaan");
            page.locator("nav.sections a[href='/']").click();
            page.waitForURL(Stack.REPORTING + "/");
            assertThat(page.locator("#breaches-title")).hasText("Klokken bij datalekken");
            assertThat(page.locator("table.breach-board tr").filter(new Locator.FilterOptions().setHasText(LATE_BREACH))
                    .locator(".clock-24")).containsText(Pattern.compile("\\d+ u te laat gedaan"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-nl.png")));

            // The calendar moves by htmx without reloading the page.
            String before = page.locator("#calendar-month").textContent();
            page.locator("#calendar a[rel='next']").click();
            assertThat(page.locator("#calendar-month")).not().hasText(before);
            page.waitForURL(Pattern.compile(".*/\\?month=\\d{4}-\\d{2}$"));

            // The session ends (its cookies are gone) and the next htmx request answers 499: the page reloads into the login.
            context.clearCookies();
            page.locator("#calendar a[rel='prev']").click();
            loginForm(page, "opwijk-dpo");
            page.waitForURL(Pattern.compile(Pattern.quote(Stack.REPORTING) + "/(\\?month=\\d{4}-\\d{2})?$"));
            assertThat(page.locator("#breaches-title")).isVisible();

            // Log out (RP-initiated at Keycloak), back to the dashboard, which asks for a login again.
            page.locator("form.logout button").click();
            page.waitForURL(Pattern.compile(Pattern.quote(Stack.KEYCLOAK + "/realms/dpa/protocol/openid-connect/auth") + ".*"));
            assertThat(page.locator("#username")).isVisible();
            assertFalse(context.cookies(Stack.REPORTING).stream().anyMatch(c -> c.name.startsWith("q_session")),
                    "no session left: " + names(context.cookies(Stack.REPORTING)));

            // Another municipality's DPO in the same browser: nothing of Opwijk's.
            loginForm(page, "voorbeeld-dpo");
            page.waitForURL(Pattern.compile(Pattern.quote(Stack.REPORTING) + "/(\\?.*)?$"));
            assertThat(page.locator(".who")).containsText("0123456749");
            String html = page.content();
            for (String opwijks : List.of("Lokaal bestuur Opwijk", "European Service Network", "Cloudflare", LATE_BREACH, "Phishing", "Matomo")) {
                assertFalse(html.contains(opwijks), "Gemeente Voorbeeld sees nothing of Opwijk's: " + opwijks);
            }
            assertThat(page.locator("table.by-status tr").filter(new Locator.FilterOptions().setHasText("Draft")).locator("a"))
                    .hasText("1");
            page.navigate(Stack.REPORTING + "/dashboard/obligations?counterpart=0428304785");
            assertThat(page.locator("table.obligations")).hasCount(0);
        }
    }

    @Test
    void esns_staff_sees_the_processors_side() {
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            logIn(page, "esn-staff");
            assertThat(page.locator(".who")).containsText("0428304785");
            Locator late = page.locator("table.breach-board tr").filter(new Locator.FilterOptions().setHasText(LATE_BREACH));
            assertThat(late).containsText("Lokaal bestuur Opwijk");
            assertThat(late.locator(".clock-24 .state")).hasClass(Pattern.compile(".*state-DONE_LATE.*"));
            // The processor's own obligations: its move by responsible party.
            Locator processor = page.locator("table.by-party tr[data-party='PROCESSOR']");
            assertThat(processor).isVisible();
            assertThat(page.locator("table.by-counterpart")).containsText("Lokaal bestuur Opwijk");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-processor.png")));
        }
    }

    @Test
    void the_bearer_api_keeps_working_beside_the_dashboard() {
        given().baseUri(Stack.REPORTING).auth().oauth2(Keycloak.user("opwijk-dpo")).get("/obligations")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        given().baseUri(Stack.REPORTING).redirects().follow(false).get("/obligations")
                .then().statusCode(401).contentType(containsString("application/problem+json"));
        // The dashboard without a session sends a browser to the login, never answers data.
        given().baseUri(Stack.REPORTING).redirects().follow(false).get("/")
                .then().statusCode(302).header("Location", containsString("/realms/dpa/protocol/openid-connect/auth"));
    }

    /** The exclusive end of the Cloudflare change's objection window, as subprocessor-service has it. */
    private static Instant cloudflareWindowEnd() {
        String opwijk = Keycloak.user("opwijk-dpo");
        String agreement = Stack.demoAgreement(opwijk);
        String end = given().baseUri(Stack.SUBPROCESSORS).auth().oauth2(opwijk).get("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(200).extract().path("items.find { it.subprocessorName == 'Cloudflare, Inc.' }.objectionWindowEndsAt");
        return Instant.parse(end);
    }

    /** Calendar days from today to the window's last day in Brussels (a window ending at midnight ends the day before). */
    private static long daysLeft(Instant end) {
        ZonedDateTime local = end.atZone(BRUSSELS);
        LocalDate last = local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        return ChronoUnit.DAYS.between(LocalDate.now(BRUSSELS), last);
    }

    private static String names(List<Cookie> cookies) {
        return cookies.stream().map(c -> c.name + "(" + c.value.length() + ")").toList().toString();
    }
}
