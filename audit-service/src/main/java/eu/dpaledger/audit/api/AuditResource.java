package eu.dpaledger.audit.api;

import eu.dpaledger.audit.application.AuditContexts;
import eu.dpaledger.audit.domain.audit.AuditCommand;
import eu.dpaledger.audit.domain.audit.AuditRecord;
import eu.dpaledger.audit.infrastructure.AuditBinding;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.Problems;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Audits (art. 9): scheduled by the controller with 10 days' notice on the processor's working days,
 * findings by the controller or the appointed auditor, completion and costs, corrective action plans.
 * Every command goes through the kernel's pipeline ({@link StreamCommands}); those that check dates
 * against art. 9 take the agreement and the processor's calendar ({@link AuditContexts}) as their context.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor", "auditor"})
@Tag(name = "Audits")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    private static final Set<String> STATUSES = Set.of("SCHEDULED", "CANCELLED", "COMPLETED", "PLAN_DUE", "PLAN_SUBMITTED",
            "PLAN_APPROVED", "CLOSED");

    @Inject
    StreamCommands commands;

    @Inject
    eu.dpaledger.platform.evidence.EvidenceBundles bundles;

    @Inject
    AuditBinding audits;

    @Inject
    AuditContexts contexts;

    @Inject
    AuditReadModel readModel;

    @POST
    @Path("/agreements/{agreementId}/audits")
    @Operation(operationId = "scheduleAudit", summary = "Schedule an audit (controller; art. 9.1)",
            description = "start at least 10 full days after the day of noticeGivenAt (from the 11th day at 00:00 in the agreement's zone; DPA art. 9.1, Reg. 1182/71 art. 3(1)); start within office hours, end within office hours, and every day from the start's to the end's date a working day on which the processor is open (a multi-day audit is a session per day), "
                    + "in the agreement's time zone, unless overrideJustification (mandatory requirements) lifts those two rules — never the notice. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Scheduled; Location and ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "403", description = "only-controller-schedules-and-decides", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "audit-notice-too-short, audit-on-non-working-day (with the holiday), audit-outside-office-hours — each with firstAllowedStart",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> schedule(@PathParam("agreementId") @Parameter(schema = @Schema(format = "uuid")) String agreementId,
                                  @BeanParam CreateHeaders headers,
                                  Requests.ScheduleRequest body) {
        String id = UUID.randomUUID().toString();
        return commands.create(audits, id, headers, body, contexts.forParty(commands.caller(), agreementId),
                given -> new AuditCommand.Schedule(id, given.context().agreement(), given.context().processorCalendar(),
                        body.noticeGivenAt(), body.start(), body.end(), body.scope(), body.location(), body.auditorOrg(),
                        body.overrideJustification(), given.actor(), given.at()),
                this::view, "/audits/" + id);
    }

    @GET
    @Path("/audits")
    @Operation(operationId = "listAudits", summary = "Audits of the caller's organisation (as controller, processor or appointed audit firm), "
            + "by agreement, status, overdue; latest start first, a page at a time")
    public Uni<ListPage<AuditReadModel.AuditLine>> list(
            @Parameter(description = "Only the audits of this agreement", schema = @Schema(format = "uuid")) @QueryParam("agreement") String agreementId,
            @Parameter(schema = @Schema(enumeration = {"SCHEDULED", "CANCELLED", "COMPLETED", "PLAN_DUE", "PLAN_SUBMITTED",
                    "PLAN_APPROVED", "CLOSED"})) @QueryParam("status") String status,
            @Parameter(description = "true: only audits with a plan or a measure past due; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @BeanParam PageParams page) {
        if (status != null && !STATUSES.contains(status)) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status", "status must be one of " + STATUSES);
        }
        Caller caller = commands.caller();
        return readModel.audits(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                caller.hasRole(Caller.AUDITOR), agreementId, status, RequestSupport.booleanParam(overdue, "overdue"), commands.now(),
                page.request());
    }

    @GET
    @Path("/audits/{id}/evidence-bundle")
    @APIResponse(responseCode = "200", description = "The evidence bundle (Content-Disposition: attachment); its export is recorded as an event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = eu.dpaledger.platform.evidence.EvidenceBundle.class)))
    @Operation(operationId = "exportAuditEvidenceBundle", summary = "The audit's evidence bundle: every event with its hashes, the signed checkpoints covering them and the public keys, to verify offline (docs/EVIDENCE.md)")
    public Uni<Response> evidenceBundle(@PathParam("id") String id) {
        return commands.read(audits, id).flatMap(loaded -> bundles.download(id, commands.caller()));
    }

    @GET
    @Path("/audits/{id}")
    @Operation(operationId = "getAudit", summary = "One audit: schedule, findings, completion, who bears the cost and why, plans, what is overdue; ETag")
    @APIResponse(responseCode = "200", description = "The audit; ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(audits, id, this::view);
    }

    @POST
    @Path("/audits/{id}/reschedule")
    @Operation(operationId = "rescheduleAudit", summary = "Move the audit (controller); the same art. 9.1 checks",
            description = "The new dates need their own written notice (noticeGivenAt), given when the move is communicated: after the notice it "
                    + "replaces and not before the schedule it moves was recorded (else 422 reschedule-without-new-notice); the new start lies "
                    + "at least 10 full days after it (audit-notice-too-short). Every day of the audit is checked as on scheduling.")
    @APIResponse(responseCode = "200", description = "Recorded; the audit as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> reschedule(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.RescheduleRequest body) {
        return commands.act(audits, id, headers, body, contexts::of,
                given -> new AuditCommand.Reschedule(given.context().processorCalendar(), body.noticeGivenAt(), body.start(),
                        body.end(), body.overrideJustification(), body.reason(), given.actor(), given.at()),
                this::view);
    }

    @POST
    @Path("/audits/{id}/cancellation")
    @Operation(operationId = "cancelAudit", summary = "Cancel the audit (controller), with a reason")
    @APIResponse(responseCode = "200", description = "Recorded; the audit as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> cancel(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.ReasonRequest body) {
        return commands.act(audits, id, headers, body, given -> new AuditCommand.Cancel(body.reason(), given.actor(), given.at()),
                this::view);
    }

    @POST
    @Path("/audits/{id}/findings")
    @Operation(operationId = "recordFinding", summary = "Record a finding (controller or the appointed auditor; during or after the audit)")
    @APIResponse(responseCode = "200", description = "Recorded; the audit as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> finding(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.FindingRequest body) {
        String findingId = "f-" + UUID.randomUUID().toString().substring(0, 8);
        return commands.act(audits, id, headers, body, given -> new AuditCommand.RecordFinding(findingId, body.title(),
                body.severity(), body.articleRef(), body.description(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/audits/{id}/completion")
    @Operation(operationId = "completeAudit", summary = "Complete the audit (controller or appointed auditor): nonCompliance establishes the deficiencies — plan due in one month, cost on the processor (art. 9.2, 9.3)",
            description = "An audit with a MAJOR or CRITICAL finding cannot be completed as compliant (422 serious-finding-requires-plan).")
    @APIResponse(responseCode = "200", description = "Recorded; the audit as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> complete(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.CompletionRequest body) {
        return commands.act(audits, id, headers, body, contexts::of,
                given -> new AuditCommand.Complete(body.completedAt(), body.nonCompliance(), given.context().processorCalendar(),
                        given.actor(), given.at()),
                this::view);
    }

    @POST
    @Path("/audits/{id}/plans")
    @Operation(operationId = "submitPlan", summary = "Submit a corrective action plan (processor): measures covering every finding")
    @APIResponse(responseCode = "200", description = "Recorded; the audit as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> plan(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.PlanRequest body) {
        String planId = "p-" + UUID.randomUUID().toString().substring(0, 8);
        return commands.act(audits, id, headers, body,
                given -> new AuditCommand.SubmitPlan(planId, body.measures(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/audits/{id}/plans/{planId}/decision")
    @Operation(operationId = "decidePlan", summary = "Approve or reject a plan (controller); a rejection needs comments and resubmissionDays, the period for a new plan (DPA art. 9.2)",
            description = "A rejection states resubmissionDays (1-365): the new plan is due at the end of that many days after the rejection, moved off "
                    + "Saturdays, Sundays and public holidays (Reg. 1182/71 art. 3), and never before the month of DPA art. 9.2 has run. "
                    + "The rejected plan was not overdue while it awaited the decision. Refusals: field-required (comments, resubmissionDays), "
                    + "invalid-resubmission-period (out of range, or given with an approval).")
    @APIResponse(responseCode = "200", description = "Recorded; the audit as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> decide(@PathParam("id") String id, @PathParam("planId") String planId, @BeanParam CommandHeaders headers,
                                Requests.DecisionRequest body) {
        return commands.act(audits, id, headers, body,
                given -> new AuditCommand.DecidePlan(planId, body.approved(), body.comments(), body.resubmissionDays(), given.actor(),
                        given.at()), this::view);
    }

    @POST
    @Path("/audits/{id}/plans/{planId}/measures/{measureId}/implementation")
    @Operation(operationId = "reportMeasureImplemented", summary = "Report a measure implemented (processor)")
    @APIResponse(responseCode = "200", description = "Recorded; the audit as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> implemented(@PathParam("id") String id, @PathParam("planId") String planId,
                                     @PathParam("measureId") String measureId, @BeanParam CommandHeaders headers,
                                     Requests.ImplementationRequest body) {
        // The body is optional: a measure may be reported implemented without a note.
        String note = body == null ? null : body.note();
        return commands.act(audits, id, headers, Optional.ofNullable(body),
                given -> new AuditCommand.ReportImplemented(planId, measureId, note, given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/audits/{id}/plans/{planId}/measures/{measureId}/verification")
    @Operation(operationId = "verifyMeasure", summary = "Verify an implemented measure (controller)")
    @APIResponse(responseCode = "200", description = "Recorded; the audit as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    public Uni<Response> verify(@PathParam("id") String id, @PathParam("planId") String planId, @PathParam("measureId") String measureId,
                                @BeanParam CommandHeaders headers, Requests.VerificationRequest body) {
        return commands.act(audits, id, headers, body,
                given -> new AuditCommand.VerifyMeasure(planId, measureId, body.verified(), body.comments(), given.actor(), given.at()),
                this::view);
    }

    private AuditView view(Loaded<Optional<AuditRecord>> loaded) {
        return AuditView.of(loaded.state().orElseThrow(), loaded.version(), commands.now());
    }
}
