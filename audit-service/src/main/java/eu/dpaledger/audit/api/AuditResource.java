package eu.dpaledger.audit.api;

import eu.dpaledger.audit.application.AuditApplication;
import eu.dpaledger.audit.domain.audit.AuditCommand;
import eu.dpaledger.audit.domain.audit.AuditRecord;
import eu.dpaledger.audit.infrastructure.AuditBinding;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.http.ETags;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.Problems;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Audits (art. 9): scheduled by the controller with 10 days' notice on the processor's working days,
 * findings by the controller or the appointed auditor, completion and costs, corrective action plans.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor", "auditor"})
@Tag(name = "Audits")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller's organisation", content = @Content(mediaType = Problems.MEDIA_TYPE))
@SecurityRequirement(name = "bearer")
public class AuditResource {

    private static final Set<String> STATUSES = Set.of("SCHEDULED", "CANCELLED", "COMPLETED", "PLAN_DUE", "PLAN_SUBMITTED",
            "PLAN_APPROVED", "CLOSED");

    @Inject
    AuditApplication application;

    @Inject
    AuditReadModel readModel;

    @Inject
    CallerProvider callers;

    @POST
    @Path("/agreements/{agreementId}/audits")
    @Operation(summary = "Schedule an audit (controller; art. 9.1)",
            description = "start at least 10 full days after the day of noticeGivenAt (from the 11th day at 00:00 in the agreement's zone; DPA art. 9.1, Reg. 1182/71 art. 3(1)); start and end on the processor's working days within its office hours, "
                    + "in the agreement's time zone, unless overrideJustification (mandatory requirements) lifts those two rules — never the notice. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Scheduled; Location and ETag set")
    @APIResponse(responseCode = "403", description = "only-controller-schedules-and-decides", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "audit-notice-too-short, audit-on-non-working-day (with the holiday), audit-outside-office-hours — each with firstAllowedStart",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> schedule(@PathParam("agreementId") String agreementId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                  @HeaderParam("X-Correlation-Id") String correlationId, Requests.ScheduleRequest body) {
        RequestSupport.requireBody(body);
        Caller caller = callers.current();
        String id = UUID.randomUUID().toString();
        return application.schedule(caller, agreementId, id, idempotencyKey, RequestSupport.correlationId(correlationId),
                        "/agreements/" + agreementId + "/audits", body,
                        (facts, at) -> new AuditCommand.Schedule(id, facts, body.noticeGivenAt(), body.start(), body.end(), body.scope(),
                                body.location(), body.auditorOrg(), body.overrideJustification(), AuditBinding.actor(caller), at),
                        after -> new CommandRequest.Reply(201, view(after), Map.of("ETag", ETags.of(after.version()),
                                "Location", "/audits/" + id)))
                .map(r -> r.toResponse());
    }

    @GET
    @Path("/audits")
    @Operation(summary = "Audits of the caller's organisation (as controller, processor or appointed audit firm), by agreement, status, overdue")
    public Uni<List<AuditReadModel.AuditLine>> list(@QueryParam("agreement") String agreementId, @QueryParam("status") String status,
                                                    @QueryParam("overdue") String overdue) {
        if (status != null && !STATUSES.contains(status)) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status", "status must be one of " + STATUSES);
        }
        Caller caller = callers.current();
        return readModel.audits(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                caller.hasRole(Caller.AUDITOR), agreementId, status, RequestSupport.booleanParam(overdue, "overdue"), application.now());
    }

    @GET
    @Path("/audits/{id}")
    @Operation(summary = "One audit: schedule, findings, completion, who bears the cost and why, plans, what is overdue; ETag")
    public Uni<Response> get(@PathParam("id") String id) {
        return application.load(callers.current(), id)
                .map(loaded -> Response.ok(view(loaded)).header("ETag", ETags.of(loaded.version())).build());
    }

    @POST
    @Path("/audits/{id}/reschedule")
    @Operation(summary = "Move the audit (controller); the same art. 9.1 checks")
    public Uni<Response> reschedule(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                    @HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid,
                                    Requests.RescheduleRequest body) {
        RequestSupport.requireBody(body);
        return act(id, ifMatch, key, cid, "/reschedule", body, (facts, actor, at) -> new AuditCommand.Reschedule(facts,
                body.noticeGivenAt(), body.start(), body.end(), body.overrideJustification(), body.reason(), actor, at));
    }

    @POST
    @Path("/audits/{id}/cancellation")
    @Operation(summary = "Cancel the audit (controller), with a reason")
    public Uni<Response> cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                @HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid,
                                Requests.ReasonRequest body) {
        RequestSupport.requireBody(body);
        return act(id, ifMatch, key, cid, "/cancellation", body, (facts, actor, at) -> new AuditCommand.Cancel(body.reason(), actor, at));
    }

    @POST
    @Path("/audits/{id}/findings")
    @Operation(summary = "Record a finding (controller or the appointed auditor; during or after the audit)")
    public Uni<Response> finding(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                 @HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid,
                                 Requests.FindingRequest body) {
        RequestSupport.requireBody(body);
        String findingId = "f-" + UUID.randomUUID().toString().substring(0, 8);
        return act(id, ifMatch, key, cid, "/findings", body, (facts, actor, at) -> new AuditCommand.RecordFinding(findingId,
                body.title(), body.severity(), body.articleRef(), body.description(), actor, at));
    }

    @POST
    @Path("/audits/{id}/completion")
    @Operation(summary = "Complete the audit (controller or appointed auditor): nonCompliance establishes the deficiencies — plan due in one month, cost on the processor (art. 9.2, 9.3)")
    public Uni<Response> complete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  @HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid,
                                  Requests.CompletionRequest body) {
        RequestSupport.requireBody(body);
        return act(id, ifMatch, key, cid, "/completion", body, (facts, actor, at) -> new AuditCommand.Complete(body.completedAt(),
                body.nonCompliance(), facts, actor, at));
    }

    @POST
    @Path("/audits/{id}/plans")
    @Operation(summary = "Submit a corrective action plan (processor): measures covering every finding")
    public Uni<Response> plan(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                              @HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid,
                              Requests.PlanRequest body) {
        RequestSupport.requireBody(body);
        String planId = "p-" + UUID.randomUUID().toString().substring(0, 8);
        return act(id, ifMatch, key, cid, "/plans", body, (facts, actor, at) -> new AuditCommand.SubmitPlan(planId, body.measures(), actor, at));
    }

    @POST
    @Path("/audits/{id}/plans/{planId}/decision")
    @Operation(summary = "Approve or reject a plan (controller); a rejection needs comments, the due date does not reset")
    public Uni<Response> decide(@PathParam("id") String id, @PathParam("planId") String planId, @HeaderParam("If-Match") String ifMatch,
                                @HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid,
                                Requests.DecisionRequest body) {
        RequestSupport.requireBody(body);
        return act(id, ifMatch, key, cid, "/plans/" + planId + "/decision", body,
                (facts, actor, at) -> new AuditCommand.DecidePlan(planId, body.approved(), body.comments(), actor, at));
    }

    @POST
    @Path("/audits/{id}/plans/{planId}/measures/{measureId}/implementation")
    @Operation(summary = "Report a measure implemented (processor)")
    public Uni<Response> implemented(@PathParam("id") String id, @PathParam("planId") String planId,
                                     @PathParam("measureId") String measureId, @HeaderParam("If-Match") String ifMatch,
                                     @HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid,
                                     Requests.ImplementationRequest body) {
        String note = body == null ? null : body.note();
        return act(id, ifMatch, key, cid, "/plans/" + planId + "/measures/" + measureId + "/implementation", body,
                (facts, actor, at) -> new AuditCommand.ReportImplemented(planId, measureId, note, actor, at));
    }

    @POST
    @Path("/audits/{id}/plans/{planId}/measures/{measureId}/verification")
    @Operation(summary = "Verify an implemented measure (controller)")
    public Uni<Response> verify(@PathParam("id") String id, @PathParam("planId") String planId, @PathParam("measureId") String measureId,
                                @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                                @HeaderParam("X-Correlation-Id") String cid, Requests.VerificationRequest body) {
        RequestSupport.requireBody(body);
        return act(id, ifMatch, key, cid, "/plans/" + planId + "/measures/" + measureId + "/verification", body,
                (facts, actor, at) -> new AuditCommand.VerifyMeasure(planId, measureId, body.verified(), body.comments(), actor, at));
    }

    private Uni<Response> act(String id, String ifMatch, String key, String cid, String suffix, Object body,
                              AuditApplication.CommandFactory command) {
        return application.act(callers.current(), id, ifMatch, key, RequestSupport.correlationId(cid), "/audits/" + id + suffix, body, command,
                        after -> new CommandRequest.Reply(200, view(after), Map.of("ETag", ETags.of(after.version()))))
                .map(r -> r.toResponse());
    }

    private AuditView view(Loaded<Optional<AuditRecord>> loaded) {
        return AuditView.of(loaded.state().orElseThrow(), loaded.version(), application.now());
    }
}
