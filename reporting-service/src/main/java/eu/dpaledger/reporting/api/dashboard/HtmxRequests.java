package eu.dpaledger.reporting.api.dashboard;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the dashboard's OIDC tenant which requests htmx sent ({@code HX-Request: true}): when their session has ended,
 * the tenant answers 499 instead of redirecting to the login (an XHR cannot follow that redirect into a page), and
 * {@code dashboard.js} reloads the page, which then goes to the login (tenant setting java-script-auto-redirect=false).
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
