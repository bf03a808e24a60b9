package eu.dpaledger.platform.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.security.CallerProvider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The operator's handling of the personal data this tool itself keeps (docs/ARCHITECTURE.md "Personal data"):
 * a data subject's access (GDPR art. 15) across the services, erasure (GDPR art. 17) unless a legal hold
 * applies, and the retention run (GDPR art. 5(1)(e)) the scheduler also starts.
 */
@Path("/admin/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
public class PersonalDataResource {

    @Inject
    PersonalDataAccess access;

    @Inject
    PersonalDataErasure erasure;

    @Inject
    CallerProvider callers;

    @Inject
    Clock clock;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    ObjectMapper mapper;

    /** An erasure request: the person (name or e-mail address), optionally one agreement, why and on what ground. */
    public record ErasureRequest(
            @Schema(required = true, description = "The person's name or e-mail address, as it appears in the agreements", example = "Jan Voorbeeld") String subject,
            @Schema(description = "Only in this agreement; every agreement when absent") String agreementId,
            @Schema(required = true, description = "Why, e.g. the data subject's request of 2026-11-30") String reason,
            @Schema(required = true, description = "The legal ground, e.g. GDPR art. 17(1)(a)", example = "GDPR art. 17(1)(a)") String legalGround) {
    }

    @GET
    @Operation(operationId = "personalDataAccess", summary = "Every stored personal value of one person, in this and the peer services (GDPR art. 15)")
    public Uni<PersonalDataAccess.Report> report(
            @Parameter(required = true, description = "The person's name or e-mail address") @QueryParam("subject") String subject,
            @Parameter(description = "Only this service (a peer's call); by default the peers are asked too") @QueryParam("local") String local,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return access.report(requiredSubject(subject), !Boolean.TRUE.equals(RequestSupport.booleanParam(local, "local")), authorization);
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportPersonalData", summary = "The access report as a JSON file to hand to the person (GDPR art. 15(3))")
    @APIResponse(responseCode = "200", description = "The report as an attachment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataAccess.Report.class)))
    public Uni<Response> export(@Parameter(required = true, description = "The person's name or e-mail address") @QueryParam("subject") String subject,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return access.report(requiredSubject(subject), true, authorization).map(report -> Response.ok(report)
                .header("Content-Disposition", "attachment; filename=\"personal-data-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".json\"")
                .build());
    }

    @POST
    @Path("/erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "erasePersonalData", summary = "Erase a person's personal data by destroying their keys (GDPR art. 17); refused under a legal hold")
    @APIResponse(responseCode = "201", description = "Erased; recorded as a PersonalDataErased event without the erased values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataErasure.Erasure.class)))
    public Uni<Response> erase(ErasureRequest body) {
        if (body == null) {
            throw HttpProblem.badRequest("body-required", "Body required", "An erasure needs subject, reason and legalGround");
        }
        String subject = requiredSubject(body.subject());
        String reason = CommonRejections.requiredText(body.reason(), "reason");
        String ground = CommonRejections.requiredText(body.legalGround(), "legalGround");
        return erasure.erase(subject, body.agreementId(), reason, ground, callers.current().subject())
                .map(done -> Response.status(201).entity(done).build());
    }

    @GET
    @Path("/holds")
    @Operation(operationId = "legalHolds", summary = "The legal holds on an agreement: while one applies, nothing of its people is erased (GDPR art. 17(3)(e))")
    public Uni<Holds> holds(@Parameter(required = true, description = "The agreement") @QueryParam("agreementId") String agreementId) {
        if (agreementId == null || agreementId.isBlank()) {
            throw CommonRejections.required("agreementId");
        }
        return pool.withConnection(c -> erasure.holds(c, java.util.Set.of(agreementId))).map(h -> new Holds(agreementId, h));
    }

    /** The legal holds on one agreement: its open breaches and audits and its disputed evidence. */
    public record Holds(@Schema(required = true) String agreementId, @Schema(required = true) List<PersonalDataErasure.Hold> holds) {
    }

    @POST
    @Path("/retention-run")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "runPersonalDataRetention", summary = "Erase now what the retention rules say is due (the scheduler runs this hourly)")
    public Uni<RetentionRun> retention() {
        return erasure.runRetention().map(done -> new RetentionRun(clock.instant(), done));
    }

    /** What a retention run erased: one erasure per agreement whose people's retention had passed. */
    public record RetentionRun(@Schema(required = true) java.time.Instant ranAt,
                               @Schema(required = true) List<PersonalDataErasure.Erasure> erasures) {
    }

    private static String requiredSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw CommonRejections.required("subject");
        }
        return subject;
    }
}
