package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.http.StrictQuery;
import eu.dpaledger.platform.security.CallerProvider;
import eu.dpaledger.reporting.infrastructure.query.AuditOverview;
import eu.dpaledger.reporting.infrastructure.query.AuditQueries;
import eu.dpaledger.reporting.infrastructure.query.BreachMetrics;
import eu.dpaledger.reporting.infrastructure.query.BreachQueries;
import eu.dpaledger.reporting.infrastructure.query.SnapshotStore;
import eu.dpaledger.reporting.infrastructure.query.Trends;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Breach and audit figures of the caller's agreements, and the twelve-month trends from the daily snapshots. */
@Path("/")
@Tag(name = "Figures")
@StrictQuery
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor", "auditor"})
@SecurityRequirement(name = "bearer")
public class FiguresResource {

    @Inject
    CallerProvider callers;

    @Inject
    BreachQueries breaches;

    @Inject
    AuditQueries audits;

    @Inject
    SnapshotStore snapshots;

    @GET
    @Path("/breach-metrics")
    @Operation(operationId = "getBreachMetrics", summary = "Breaches of the caller's agreements by month (of awareness, Europe/Brussels) "
            + "and by processor: time from awareness to report against 24 hours (DPA art. 7.3), authority notifications within "
            + "72 hours (GDPR art. 33(1))")
    public Uni<BreachMetrics> breachMetrics(@Parameter(description = "Calendar months up to the current one, 1 to 24",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "24", defaultValue = "12")) @QueryParam("months") String months) {
        return breaches.breachMetrics(callers.current(), QueryFilters.months(months, 24, 12));
    }

    @GET
    @Path("/audit-overview")
    @Operation(operationId = "getAuditOverview", summary = "The caller's audits (as controller, processor or appointed audit firm) by "
            + "status, open findings by severity, corrective action plans and measures due and overdue (DPA art. 9.2), by processor")
    public Uni<AuditOverview> auditOverview() {
        return audits.auditOverview(callers.current());
    }

    @GET
    @Path("/trends")
    @Operation(operationId = "getTrends", summary = "The daily snapshots of the caller's organisation (what its roles see), oldest first; "
            + "kept twelve months")
    public Uni<Trends> trends(@Parameter(description = "Months back from today, 1 to 12",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "12", defaultValue = "12")) @QueryParam("months") String months) {
        return snapshots.trends(callers.current(), QueryFilters.months(months, 12, 12));
    }
}
