package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.StrictQuery;
import eu.dpaledger.reporting.api.ObligationResource;
import eu.dpaledger.reporting.api.PortfolioResource;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationQueries;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioQueries;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;

/**
 * Where the overview leads: the lists behind its numbers, their CSV, the calendar's other months (for htmx) and the
 * language switch. {@code /dashboard/obligations} and {@code /dashboard/portfolio} take the same query parameters as
 * {@code GET /obligations} and {@code GET /portfolio} (read by the API's own filter beans, refused the same way), page
 * with the same cursors, and export the same CSV (the API's exports, with the session's caller).
 */
@Path("/dashboard")
@RolesAllowed({"controller", "processor", "auditor"})
@StrictQuery
public class DashboardNavigationResource {

    @Inject
    Pages pages;

    @Inject
    ObligationQueries obligations;

    @Inject
    PortfolioQueries portfolio;

    @Inject
    OverviewPanels panels;

    @Inject
    Clock clock;

    @GET
    @Path("/obligations")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> obligations(@BeanParam ObligationResource.Filters filters, @BeanParam PageParams page) {
        ObligationFilter filter = filters.filter();
        var request = page.request();
        Chrome chrome = pages.chrome("obligations");
        return obligations.obligations(pages.caller(), filter, request)
                .map(result -> pages.localized(Templates.obligations(chrome,
                        ObligationList.of(result, filter, pages.caller().organisation(), page.cursor != null))));
    }

    /** The same list as CSV: {@code GET /obligations} with {@code Accept: text/csv}. */
    @GET
    @Path("/obligations.csv")
    @Produces("text/csv")
    public RestMulti<String> obligationsCsv(@BeanParam ObligationResource.Filters filters) {
        return ObligationResource.csv(obligations, pages.caller(), filters.filter(), clock.instant());
    }

    @GET
    @Path("/portfolio")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> portfolio(@BeanParam PortfolioResource.PortfolioFilters filters, @BeanParam PageParams page) {
        PortfolioFilter filter = filters.filter();
        var request = page.request();
        Chrome chrome = pages.chrome("portfolio");
        return portfolio.portfolio(pages.caller(), filter, request)
                .map(result -> pages.localized(Templates.portfolio(chrome, PortfolioList.of(result, filter, page.cursor != null))));
    }

    /** The same list as CSV: {@code GET /portfolio} with {@code Accept: text/csv}. */
    @GET
    @Path("/portfolio.csv")
    @Produces("text/csv")
    public RestMulti<String> portfolioCsv(@BeanParam PortfolioResource.PortfolioFilters filters) {
        return PortfolioResource.portfolioCsv(portfolio, pages.caller(), filters.filter(), clock.instant());
    }

    /** The calendar panel of another month, for htmx (the overview's month links work without it too). */
    @GET
    @Path("/calendar")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> calendar(@QueryParam("month") String month) {
        var shown = panels.month(month);
        return panels.calendar(pages.caller(), shown).map(calendar -> pages.localized(Templates.overview$calendar(calendar)));
    }

    /**
     * The language switch: remembers the choice in a cookie for a year and goes back to the page it was on (a local
     * path only, never another site).
     */
    @POST
    @Path("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("lang") String code, @FormParam("back") String back) {
        Language chosen = Language.ofCode(code);
        if (chosen == null) {
            throw InputRules.violation(400, "invalid-field", "Invalid field value", "lang", "must be nl or en");
        }
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE).value(chosen.code()).path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(localPath(back)).cookie(cookie).build();
    }

    /** A path of this site to go back to: one leading slash (not {@code //host} or {@code /\host}), else {@code /}. */
    static URI localPath(String back) {
        URI home = URI.create("/");
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")) {
            return home;
        }
        try {
            URI uri = new URI(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? uri : home;
        } catch (URISyntaxException e) {
            return home;
        }
    }

    @ServerExceptionMapper({HttpProblem.class, DomainRejection.class, ForbiddenException.class})
    Response refused(RuntimeException failure) {
        return pages.refusal(failure);
    }
}
