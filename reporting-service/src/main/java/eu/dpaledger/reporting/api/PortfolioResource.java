package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.StrictQuery;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import eu.dpaledger.reporting.infrastructure.query.ExposureFilter;
import eu.dpaledger.reporting.infrastructure.query.ExposureQueries;
import eu.dpaledger.reporting.infrastructure.query.ExposureView;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioQueries;
import eu.dpaledger.reporting.infrastructure.query.PortfolioView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
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

/** The caller's agreement portfolio and the sub-processors in effect across it, as JSON pages and as CSV exports. */
@Path("/")
@Tag(name = "Portfolio")
@StrictQuery
@RolesAllowed({"controller", "processor", "auditor"})
@SecurityRequirement(name = "bearer")
public class PortfolioResource {

    static final String PORTFOLIO = "The caller's agreements (as controller or processor) with counterpart, status, dates, pending "
            + "addendum, sub-processor count and open/overdue obligations; newest first, a page at a time (Accept: text/csv: the whole "
            + "filtered list as CSV). An audit firm has no portfolio.";
    static final String EXPOSURE = "Every sub-processor in effect across the caller's agreements (by name and country): countries, "
            + "transfer mechanisms, third-country flag and the agreements using it; by name, a page at a time (Accept: text/csv: the "
            + "whole filtered list as CSV, one line per agreement using a sub-processor)";
    static final String CSV_NOTE = "With Accept: text/csv the answer is the whole filtered list as an RFC 4180 download (no cap: read "
            + "page by page and streamed); cursor and limit page the JSON only and are refused (400) with text/csv.";

    @Inject
    CallerProvider callers;

    @Inject
    PortfolioQueries portfolio;

    @Inject
    ExposureQueries exposure;

    @Inject
    Clock clock;

    @GET
    @Path("/portfolio")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPortfolio", summary = PORTFOLIO, description = CSV_NOTE)
    public Uni<ListPage<PortfolioView>> list(@BeanParam PortfolioFilters filters, @BeanParam PageParams page) {
        return portfolio.portfolio(callers.current(), filters.filter(), page.request());
    }

    @GET
    @Path("/portfolio")
    @Produces(Csv.PRODUCES)
    @Operation(operationId = "listPortfolio", summary = PORTFOLIO, description = CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page (JSON), or the whole filtered list (CSV: RFC 4180, UTF-8, header row, a download)",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public RestMulti<String> portfolioCsv(@BeanParam PortfolioFilters filters) {
        return portfolioCsv(portfolio, callers.current(), filters.filter(), clock.instant());
    }

    /** The CSV export of the caller's filtered portfolio; static for the dashboard's export, like ObligationResource.csv. */
    public static RestMulti<String> portfolioCsv(PortfolioQueries portfolio, Caller caller, PortfolioFilter filter, java.time.Instant at) {
        return Csv.download("portfolio", at,
                List.of("agreement", "status", "controller", "controller_name", "processor", "processor_name", "counterpart",
                        "counterpart_name", "assignment", "created_at", "signed_at", "terminated_at", "closed_at", "pending_addendum",
                        "processing_countries", "subprocessors", "open_obligations", "overdue_obligations"),
                cursor -> portfolio.portfolio(caller, filter, PageRequest.of(cursor, String.valueOf(PageRequest.MAX_LIMIT))),
                p -> java.util.Arrays.asList(p.agreementId(), p.status(), p.controller().org(), p.controller().name(), p.processor().org(),
                        p.processor().name(), p.counterpart().org(), p.counterpart().name(), p.assignment(), p.createdAt(), p.signedAt(),
                        p.terminatedAt(), p.closedAt(), p.pendingAddendum(), String.join(" ", p.processingCountries()),
                        p.subprocessorCount(), p.openObligations(), p.overdueObligations()));
    }

    @GET
    @Path("/subprocessor-exposure")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSubprocessorExposure", summary = EXPOSURE, description = CSV_NOTE)
    public Uni<ListPage<ExposureView>> exposure(@BeanParam ExposureFilters filters, @BeanParam PageParams page) {
        return exposure.exposure(callers.current(), filters.filter(), page.request());
    }

    @GET
    @Path("/subprocessor-exposure")
    @Produces(Csv.PRODUCES)
    @Operation(operationId = "listSubprocessorExposure", summary = EXPOSURE, description = CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page (JSON), or the whole filtered list (CSV: RFC 4180, UTF-8, header row, a download)",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public RestMulti<String> exposureCsv(@BeanParam ExposureFilters filters) {
        Caller caller = callers.current();
        ExposureFilter filter = filters.filter();
        return Csv.download("subprocessor-exposure", clock.instant(),
                List.of("subprocessor", "country", "third_country", "head_offices", "transfer_mechanism", "agreement", "controller",
                        "controller_name", "processor", "processor_name", "basis", "change", "since"),
                cursor -> exposure.exposure(caller, filter, PageRequest.of(cursor, String.valueOf(PageRequest.MAX_LIMIT)))
                        .map(page -> new ListPage<>(page.items().stream().flatMap(e -> e.agreements().stream().map(use -> new Object[]{e, use}))
                                .toList(), page.nextCursor(), page.filters())),
                pair -> {
                    ExposureView e = (ExposureView) pair[0];
                    ExposureView.Use use = (ExposureView.Use) pair[1];
                    return java.util.Arrays.asList(e.name(), e.country(), e.thirdCountry(), String.join(" ", e.headOffices()),
                            use.transferMechanism(), use.agreementId(), use.controller().org(), use.controller().name(),
                            use.processor().org(), use.processor().name(), use.basis(), use.changeId(), use.since());
                });
    }

    /** The filters of the portfolio. */
    public static class PortfolioFilters {

        @QueryParam("status")
        @Parameter(description = "DRAFT, SIGNING, ACTIVE, TERMINATED, CLOSED; several allowed (repeated or comma-separated)", explode = Explode.TRUE,
                schema = @Schema(type = SchemaType.ARRAY, enumeration = {"DRAFT", "SIGNING", "ACTIVE", "TERMINATED", "CLOSED"}))
        public List<String> status;

        @QueryParam("counterpart")
        @Parameter(description = "Only agreements with this other party (10-digit enterprise number)", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{10}$"))
        public String counterpart;

        @QueryParam("country")
        @Parameter(description = "Only agreements processing in this country (ISO 3166-1 alpha-2)", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z]{2}$"))
        public String country;

        public PortfolioFilter filter() {
            return QueryFilters.portfolio(status, counterpart, country);
        }
    }

    /** The filters of the sub-processor exposure. */
    public static class ExposureFilters {

        @QueryParam("country")
        @Parameter(description = "Only sub-processors processing in this country (ISO 3166-1 alpha-2)", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z]{2}$"))
        public String country;

        @QueryParam("thirdCountry")
        @Parameter(description = "true: only those outside the EEA (GDPR chapter V); false: only those inside", schema = @Schema(type = SchemaType.BOOLEAN))
        public String thirdCountry;

        @QueryParam("mechanism")
        @Parameter(description = "Only those transferring on this basis",
                schema = @Schema(implementation = eu.dpaledger.platform.domain.TransferMechanism.class))
        public String mechanism;

        public ExposureFilter filter() {
            return QueryFilters.exposure(country, thirdCountry, mechanism);
        }
    }
}
