package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.http.HttpProblem;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The DPO dashboard's overview at {@code /}: the seven panels. Served to a Keycloak session (the {@code dashboard} OIDC
 * tenant) and, like the API, only to a controller, processor or auditor; every figure comes from the query beans,
 * which show the caller only its own organisation's rows. The pages under {@code /dashboard} are
 * {@link DashboardNavigationResource} and {@link DashboardSettingsResource}.
 *
 * <p>Not {@code @StrictQuery}, unlike the lists: the overview has no filter to misspell, and Keycloak's redirect after
 * a logout comes back here with the logout's {@code state}, which then survives the next login.
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
        var shown = panels.month(month);
        Chrome chrome = pages.chrome("overview");
        return panels.overview(pages.caller(), shown).map(overview -> pages.localized(Templates.overview(chrome, overview)));
    }

    @ServerExceptionMapper({HttpProblem.class, DomainRejection.class, ForbiddenException.class})
    Response refused(RuntimeException failure) {
        return pages.refusal(failure);
    }
}
