package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The DPO dashboard's overview at {@code /} (the seven panels) and the language switch. Served to a Keycloak session
 * (the {@code dashboard} OIDC tenant) and, like the API, only to a controller, processor or auditor; every figure comes
 * from the query beans, which show the caller only its own organisation's rows.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"controller", "processor", "auditor"})
public class DashboardResource {

    @Inject
    Pages pages;

    @Inject
    OverviewPanels panels;

    /** The overview; {@code month} (YYYY-MM) is the calendar's month, the current one by default. */
    @GET
    public Uni<TemplateInstance> overview(@QueryParam("month") String month) {
        YearMonth shown = month(month);
        Chrome chrome = pages.chrome("overview");
        return panels.overview(pages.caller(), shown).map(overview -> pages.localized(Templates.overview(chrome, overview)));
    }

    /** The calendar of another month, for htmx (the overview's month links work without it too). */
    @GET
    @Path("dashboard/calendar")
    public Uni<TemplateInstance> calendar(@QueryParam("month") String month) {
        YearMonth shown = month(month);
        return panels.calendar(pages.caller(), shown).map(calendar -> pages.localized(Templates.overview$calendar(calendar)));
    }

    private YearMonth month(String text) {
        if (text == null) {
            return panels.currentMonth();
        }
        if (!text.matches("\\d{4}-\\d{2}")) {
            throw InputRules.violation(400, "invalid-field", "Invalid field value", "month", "must be a month as YYYY-MM");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw InputRules.violation(400, "invalid-field", "Invalid field value", "month", "must be a month as YYYY-MM");
        }
    }

    /**
     * The language switch: remembers the choice in a cookie for a year and goes back to the page it was on (a local
     * path only, never another site).
     */
    @POST
    @Path("dashboard/language")
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
        } catch (java.net.URISyntaxException e) {
            return home;
        }
    }

    @ServerExceptionMapper({HttpProblem.class, DomainRejection.class, ForbiddenException.class})
    Response refused(RuntimeException failure) {
        return pages.refusal(failure);
    }
}
