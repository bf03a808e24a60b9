package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.Problems;
import eu.dpaledger.platform.http.StrictQuery;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import eu.dpaledger.reporting.application.FeedTokens;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationQueries;
import eu.dpaledger.reporting.infrastructure.query.ObligationView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

import java.time.Clock;
import java.util.List;

/**
 * Every open or recently met legal obligation the caller may see, with its state now: as JSON pages, as a CSV
 * export, and as the iCalendar feed a DPO subscribes to with a personal feed token.
 */
@Path("/")
@Tag(name = "Obligations")
@StrictQuery
public class ObligationResource {

    static final String FILTERS = "Filters: state (several: ON_TIME, DUE_SOON, OVERDUE, DONE, DONE_LATE), kind (several), agreement, "
            + "counterpart (the other party's enterprise number), dueBefore (exclusive) and dueAfter (inclusive) as RFC 3339 instants, "
            + "actingParty. Several values: repeat the parameter or separate them with commas. Without state: the open ones and "
            + "those met in the last 30 days (dpa.reporting.recently-closed-days); met ones older than that are never listed. "
            + "Order: open before met, then due instant (overdue first), then id. "
            + "With Accept: text/csv the answer is the whole filtered list as an RFC 4180 download (no cap: read page by page and "
            + "streamed); cursor and limit page the JSON only and are refused (400) with text/csv.";
    static final String LIST = "The caller's legal obligations across the services with their state now, overdue first, a page at a "
            + "time (Accept: text/csv: the whole filtered list as CSV)";

    @Inject
    CallerProvider callers;

    @Inject
    ObligationQueries obligations;

    @Inject
    FeedTokens feedTokens;

    @Inject
    Clock clock;

    @GET
    @Path("/obligations")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"controller", "processor", "auditor"})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listObligations", summary = LIST, description = FILTERS)
    public Uni<ListPage<ObligationView>> list(@BeanParam Filters filters, @BeanParam PageParams page) {
        return obligations.obligations(callers.current(), filters.filter(), page.request());
    }

    @GET
    @Path("/obligations")
    @Produces(Csv.PRODUCES)
    @RolesAllowed({"controller", "processor", "auditor"})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listObligations", summary = LIST, description = FILTERS)
    @APIResponse(responseCode = "200", description = "A page (JSON), or the whole filtered list (CSV: RFC 4180, UTF-8, header row, a download)",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public RestMulti<String> csv(@BeanParam Filters filters) {
        return csv(obligations, callers.current(), filters.filter(), clock.instant());
    }

    /**
     * The CSV export of the caller's filtered obligations. Static so that the dashboard's export (the same file through
     * its session) calls it without going through this resource's interceptors, which cannot pass a RestMulti on.
     */
    public static RestMulti<String> csv(ObligationQueries obligations, Caller caller, ObligationFilter filter, java.time.Instant at) {
        return Csv.download("obligations", at,
                List.of("id", "kind", "agreement", "controller", "controller_name", "processor", "processor_name", "acting_party",
                        "due_at_utc", "due_local", "time_zone", "article", "title", "state", "met_at", "url"),
                cursor -> obligations.obligations(caller, filter, PageRequest.of(cursor, String.valueOf(PageRequest.MAX_LIMIT))),
                o -> List.of(o.id(), o.kind().name(), o.agreementId(), o.controller().org(), text(o.controller().name()),
                        o.processor().org(), text(o.processor().name()), o.actingParty().name(), o.dueAt(), o.dueLocal(),
                        o.timeZone(), o.article(), o.title(), o.state().name(), o.metAt() == null ? "" : o.metAt(), o.url()));
    }

    @GET
    @Path("/obligations.ics")
    @Produces(ICalendar.MEDIA_TYPE)
    @PermitAll
    @Operation(operationId = "obligationsCalendar", summary = "The caller's deadlines as an iCalendar feed (RFC 5545), for a calendar "
            + "subscription: authenticated by a personal feed token only (POST /feed-tokens), never by a bearer token",
            description = "The open obligations and those met in the last 30 days, one event each at the due instant, with an alarm "
                    + "before the open ones. An unknown, expired or revoked token is the same 404.")
    @APIResponse(responseCode = "200", description = "text/calendar",
            content = @Content(mediaType = ICalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "not-found: the token is unknown, expired or revoked (indistinguishable)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> calendar(@Parameter(description = "The feed token", required = true) @QueryParam("token") String token) {
        return feedTokens.resolve(token).onItem().ifNull().failWith(() -> HttpProblem.notFound("The feed"))
                .flatMap(caller -> obligations.all(caller, ObligationFilter.none(), 5_000)
                .map(list -> Response.ok(ICalendar.of("dpa-ledger deadlines", list, clock.instant()), ICalendar.MEDIA_TYPE + "; charset=UTF-8")
                        .header("Cache-Control", "private, no-store").build()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The filters of the obligation list (JSON and CSV alike). */
    public static class Filters {

        @QueryParam("state")
        @Parameter(description = "ON_TIME, DUE_SOON, OVERDUE, DONE, DONE_LATE; several allowed", explode = org.eclipse.microprofile.openapi.annotations.enums.Explode.TRUE,
                schema = @Schema(type = SchemaType.ARRAY, implementation = eu.dpaledger.reporting.domain.obligation.ObligationState.class))
        public List<String> state;

        @QueryParam("kind")
        @Parameter(description = "Obligation kinds; several allowed", explode = org.eclipse.microprofile.openapi.annotations.enums.Explode.TRUE,
                schema = @Schema(type = SchemaType.ARRAY, implementation = eu.dpaledger.reporting.domain.obligation.ObligationKind.class))
        public List<String> kind;

        @QueryParam("agreement")
        @Parameter(description = "Only this agreement's", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
        public String agreement;

        @QueryParam("counterpart")
        @Parameter(description = "Only those with this other party (10-digit enterprise number)", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{10}$"))
        public String counterpart;

        @QueryParam("dueBefore")
        @Parameter(description = "Due strictly before this instant (RFC 3339)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
        public String dueBefore;

        @QueryParam("dueAfter")
        @Parameter(description = "Due at or after this instant (RFC 3339)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
        public String dueAfter;

        @QueryParam("actingParty")
        @Parameter(description = "Only those waiting for this party's move",
                schema = @Schema(implementation = eu.dpaledger.reporting.domain.obligation.ObligationKind.ActingParty.class))
        public String actingParty;

        public ObligationFilter filter() {
            return QueryFilters.obligations(state, kind, agreement, counterpart, dueBefore, dueAfter, actingParty);
        }
    }
}
