package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.StrictQuery;
import eu.dpaledger.reporting.api.FeedTokenResource;
import eu.dpaledger.reporting.api.FeedTokenResource.FeedTokenCreated;
import eu.dpaledger.reporting.api.SettingsResource;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The settings page: the organisation's "due soon" setting and the person's iCalendar feed links, through the API's own
 * endpoints ({@code PUT /settings}, {@code POST /feed-tokens}, {@code DELETE /feed-tokens/{id}}) with the session's
 * caller, so the rules and refusals are the API's. Every form carries its CSRF token (a form without it is a 400).
 */
@Path("/dashboard/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"controller", "processor", "auditor"})
@StrictQuery
public class DashboardSettingsResource {

    @Inject
    Pages pages;

    @Inject
    SettingsResource settingsApi;

    @Inject
    FeedTokenResource feedTokenApi;

    @Inject
    UriInfo uri;

    @GET
    public Uni<TemplateInstance> page() {
        return render(false, null, false);
    }

    /** Saves the organisation's setting (the API's ranges: 1 to 90 days, 1 to 72 hours). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> save(@FormParam("dueSoonDays") String days, @FormParam("breachDueSoonHours") String hours) {
        return settingsApi.put(new SettingsResource.SettingsRequest(number("dueSoonDays", days), number("breachDueSoonHours", hours)))
                .flatMap(saved -> render(true, null, false));
    }

    /** Makes a calendar link for the signed-in person; its URL is on this answer only. */
    @POST
    @Path("/feed-tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> createFeedToken(@FormParam("label") String label) {
        return feedTokenApi.create(new FeedTokenResource.FeedTokenRequest(label, null), uri)
                .flatMap(response -> render(false, (FeedTokenCreated) response.getEntity(), false));
    }

    /** Revokes one of the person's calendar links (someone else's is a 404, as in the API). */
    @POST
    @Path("/feed-tokens/{id}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> revokeFeedToken(@PathParam("id") String id) {
        return feedTokenApi.revoke(id).flatMap(revoked -> render(false, null, true));
    }

    private Uni<TemplateInstance> render(boolean saved, FeedTokenCreated created, boolean revoked) {
        Chrome chrome = pages.chrome("settings");
        PageParams firstPage = new PageParams();
        firstPage.limit = "100";
        return feedTokenApi.list(firstPage)
                .map(tokens -> new SettingsView(null, tokens.items(), saved, created, revoked))
                .flatMap(view -> settingsApi.get().map(view::with))
                .map(view -> pages.localized(Templates.settings(chrome, view)));
    }

    private static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InputRules.violation(400, "invalid-field", "Invalid field value", field, "must be a whole number");
        }
    }

    @ServerExceptionMapper({HttpProblem.class, DomainRejection.class, ForbiddenException.class})
    Response refused(RuntimeException failure) {
        return pages.refusal(failure);
    }
}
