package eu.dpaledger.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Swagger UI logs in at the realm and "Try it out" works, in a real (headless) Chromium: Authorize on
 * agreement-service's Swagger UI, the Keycloak login of the demo user opwijk-dpo in the popup (client
 * dpa-swagger, authorization code + PKCE), then GET /agreements answers 200 with Opwijk's agreement. The
 * screenshot it takes ({@code target/swagger-try-it-out.png}) is the one in the README.
 */
@ExtendWith(Stack.class)
class SwaggerUiE2ETest {

    static final Path SCREENSHOT = Path.of("target/swagger-try-it-out.png");

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        // Debian's Chromium, not a downloaded one (docs: RECIPES / .ci/run installs it).
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("dpa.chromium", "/usr/bin/chromium"))).setHeadless(true));
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

    @Test
    void a_demo_user_logs_in_through_swagger_ui_and_try_it_out_lists_her_agreements() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
            Page page = context.newPage();
            page.navigate(Stack.AGREEMENTS + "/q/swagger-ui/");

            page.locator(".auth-wrapper button.authorize").click();
            Locator dialog = page.locator(".dialog-ux .modal-ux");
            // The OpenID Connect scheme offers each grant type of the realm's discovery document: take the code flow.
            Locator codeFlow = dialog.locator("div").filter(new Locator.FilterOptions().setHasText("authorization_code with PKCE")
                    .setHas(page.locator("button.authorize"))).last();
            assertThat(codeFlow.locator("input[data-name='clientId']")).hasValue("dpa-swagger");
            Page login = page.waitForPopup(() -> codeFlow.locator("button.authorize").click());
            login.waitForLoadState();
            assertTrue(login.url().startsWith(Stack.KEYCLOAK + "/realms/dpa/"), "the realm's login page: " + login.url());
            assertTrue(login.url().contains("code_challenge_method=S256"), "PKCE: " + login.url());
            login.locator("#username").fill("opwijk-dpo");
            login.locator("#password").fill("demo");
            login.locator("#kc-login").click();
            // The popup hands the code back to Swagger UI, which redeems it (with the PKCE verifier): the button turns to Logout.
            assertThat(codeFlow.locator("button.authorize")).hasText("Logout");
            dialog.locator("button.btn-done").first().click();

            Locator operation = page.locator(".opblock-get").filter(new Locator.FilterOptions()
                    .setHas(page.locator(".opblock-summary-path[data-path='/agreements']")));
            operation.locator(".opblock-summary").first().click();
            operation.locator("button.try-out__btn").click();
            operation.locator("button.execute").click();

            Locator live = operation.locator(".live-responses-table");
            assertThat(live.locator("tr.response .response-col_status")).containsText("200");
            assertThat(live.locator("tr.response .response-col_description")).containsText("Lokaal bestuur Opwijk");

            // The viewport from the request URL down to the live response: what the README shows.
            operation.locator(".request-url").evaluate("e => { e.scrollIntoView({block: 'start'}); window.scrollBy(0, -260); }");
            Files.createDirectories(SCREENSHOT.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT));
        }
    }
}
