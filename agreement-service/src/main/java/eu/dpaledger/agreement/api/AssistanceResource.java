package eu.dpaledger.agreement.api;

import eu.dpaledger.agreement.application.AssistanceApplication;
import eu.dpaledger.agreement.domain.assistance.DataSubjectRequest;
import eu.dpaledger.agreement.domain.assistance.DisclosureRequest;
import eu.dpaledger.agreement.domain.assistance.Instruction;
import eu.dpaledger.agreement.infrastructure.AssistanceBindings;
import eu.dpaledger.agreement.infrastructure.AssistanceReadModel;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.http.ETags;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Written instructions (art. 2.2, 2.3), authority disclosure requests (art. 2.2) and data subject
 * requests (art. 7.2). Created under an agreement ({@code AgreementResource}); acted on and read here.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Instructions and requests")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller's organisation", content = @Content(mediaType = Problems.MEDIA_TYPE))
@SecurityRequirement(name = "bearer")
public class AssistanceResource {

    /** Request bodies. */
    record InstructionRequest(String text, LocalDate effectiveFrom, String reason) {
    }

    record ReasoningRequest(String reasoning) {
    }

    record ReasonRequest(String reason) {
    }

    record DisclosureRequestBody(String authority, Instant receivedAt, String legalBasis, String scope, Instant dueAt,
                                 String gagLegalBasis) {
    }

    record DisclosedRequest(Instant disclosedAt, String disclosed) {
    }

    record SubjectRequestBody(DataSubjectRequest.Type type, Instant receivedAt, String reference) {
    }

    record DecisionRequest(Boolean approved, String instructions) {
    }

    record ExtensionRequest(String reasons) {
    }

    record ActionRequest(String description) {
    }

    @Inject
    AssistanceApplication application;

    @Inject
    AssistanceBindings.Instructions instructions;

    @Inject
    AssistanceBindings.Disclosures disclosures;

    @Inject
    AssistanceBindings.SubjectRequests subjectRequests;

    @Inject
    AssistanceReadModel readModel;

    @Inject
    CallerProvider callers;

    @ConfigProperty(name = "dpa.data-subject-requests.forward-within", defaultValue = "PT24H")
    Duration forwardWithin;

    // ------------------------------------------------------------------ creation (called from AgreementResource)

    Uni<Response> issueInstruction(String agreementId, String key, String cid, InstructionRequest body) {
        RequestSupport.requireBody(body);
        Caller caller = callers.current();
        String id = UUID.randomUUID().toString();
        return application.create(instructions, caller, agreementId, id, key, RequestSupport.correlationId(cid), "/agreements/" + agreementId + "/instructions",
                body, (facts, at) -> new Instruction.Issue(id, facts, body.text(), body.effectiveFrom(), actor(caller), at),
                after -> created(instructionView(after), after.version(), "/instructions/" + id)).map(r -> r.toResponse());
    }

    Uni<Response> registerDisclosure(String agreementId, String key, String cid, DisclosureRequestBody body) {
        RequestSupport.requireBody(body);
        Caller caller = callers.current();
        String id = UUID.randomUUID().toString();
        return application.create(disclosures, caller, agreementId, id, key, RequestSupport.correlationId(cid),
                "/agreements/" + agreementId + "/disclosure-requests", body,
                (facts, at) -> new DisclosureRequest.Register(id, facts, body.authority(), body.receivedAt(), body.legalBasis(),
                        body.scope(), body.dueAt(), body.gagLegalBasis(), actor(caller), at),
                after -> created(disclosureView(after), after.version(), "/disclosure-requests/" + id)).map(r -> r.toResponse());
    }

    Uni<Response> registerSubjectRequest(String agreementId, String key, String cid, SubjectRequestBody body) {
        RequestSupport.requireBody(body);
        Caller caller = callers.current();
        String id = UUID.randomUUID().toString();
        return application.create(subjectRequests, caller, agreementId, id, key, RequestSupport.correlationId(cid),
                "/agreements/" + agreementId + "/data-subject-requests", body,
                (facts, at) -> new DataSubjectRequest.Register(id, facts, body.type(), body.receivedAt(), body.reference(),
                        forwardWithin, actor(caller), at),
                after -> created(subjectView(after), after.version(), "/data-subject-requests/" + id)).map(r -> r.toResponse());
    }

    // ------------------------------------------------------------------ instructions

    @GET
    @Path("/instructions")
    @Operation(summary = "Instructions of the caller's organisation; basis INSTRUCTION once acknowledged (or confirmed over a flag)")
    public Uni<List<AssistanceReadModel.Item>> instructionList(@QueryParam("agreement") String agreement, @QueryParam("open") String open) {
        return list("INSTRUCTION", agreement, open, null);
    }

    @GET
    @Path("/instructions/{id}")
    public Uni<Response> instruction(@PathParam("id") String id) {
        return application.load(instructions, callers.current(), id, instructions::readableBy, "The instruction")
                .map(l -> ok(instructionView(l), l.version()));
    }

    @POST
    @Path("/instructions/{id}/acknowledgement")
    @Operation(summary = "Acknowledge the instruction (processor)")
    public Uni<Response> acknowledge(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                     @HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid) {
        return instructionCommand(id, ifMatch, key, cid, "/acknowledgement", Map.of(), (actor, at) -> new Instruction.Acknowledge(actor, at));
    }

    @POST
    @Path("/instructions/{id}/flag")
    @Operation(summary = "Flag the instruction as infringing the GDPR, with reasoning (processor; GDPR 28(3))")
    public Uni<Response> flag(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                              @HeaderParam("X-Correlation-Id") String cid, ReasoningRequest body) {
        RequestSupport.requireBody(body);
        return instructionCommand(id, ifMatch, key, cid, "/flag", body, (actor, at) -> new Instruction.Flag(body.reasoning(), actor, at));
    }

    @POST
    @Path("/instructions/{id}/confirmation")
    @Operation(summary = "Confirm a flagged instruction (controller), with reasoning")
    public Uni<Response> confirm(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                                 @HeaderParam("X-Correlation-Id") String cid, ReasoningRequest body) {
        RequestSupport.requireBody(body);
        return instructionCommand(id, ifMatch, key, cid, "/confirmation", body, (actor, at) -> new Instruction.Confirm(body.reasoning(), actor, at));
    }

    @POST
    @Path("/instructions/{id}/amendment")
    @Operation(summary = "Amend a flagged instruction (controller): a new text for the processor to acknowledge")
    public Uni<Response> amend(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                               @HeaderParam("X-Correlation-Id") String cid, InstructionRequest body) {
        RequestSupport.requireBody(body);
        return instructionCommand(id, ifMatch, key, cid, "/amendment", body,
                (actor, at) -> new Instruction.Amend(body.text(), body.effectiveFrom(), body.reason(), actor, at));
    }

    @POST
    @Path("/instructions/{id}/withdrawal")
    @Operation(summary = "Withdraw the instruction (controller)")
    public Uni<Response> withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                                  @HeaderParam("X-Correlation-Id") String cid, ReasonRequest body) {
        RequestSupport.requireBody(body);
        return instructionCommand(id, ifMatch, key, cid, "/withdrawal", body, (actor, at) -> new Instruction.Withdraw(body.reason(), actor, at));
    }

    private Uni<Response> instructionCommand(String id, String ifMatch, String key, String cid, String suffix, Object body,
                                             BiFunction<eu.dpaledger.agreement.domain.Actor, Instant, Instruction.Command> command) {
        return act(instructions, id, ifMatch, key, cid, "/instructions/" + id + suffix, body, command, this::instructionView);
    }

    // ------------------------------------------------------------------ disclosure requests

    @GET
    @Path("/disclosure-requests")
    @Operation(summary = "Authority disclosure requests: the processor sees all; the controller those it was informed of")
    public Uni<List<AssistanceReadModel.Item>> disclosureList(@QueryParam("agreement") String agreement, @QueryParam("open") String open) {
        return list("DISCLOSURE_REQUEST", agreement, open, null);
    }

    @GET
    @Path("/disclosure-requests/{id}")
    @Operation(summary = "One disclosure request, with the time left before disclosure; 404 to the controller while gagged")
    public Uni<Response> disclosure(@PathParam("id") String id) {
        return application.load(disclosures, callers.current(), id, disclosures::readableBy, "The disclosure request")
                .map(l -> ok(disclosureView(l), l.version()));
    }

    @POST
    @Path("/disclosure-requests/{id}/gag-lifting")
    @Operation(summary = "The law no longer forbids informing the controller (processor): the controller sees the request from now")
    public Uni<Response> liftGag(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                                 @HeaderParam("X-Correlation-Id") String cid, ReasonRequest body) {
        RequestSupport.requireBody(body);
        return act(disclosures, id, ifMatch, key, cid, "/disclosure-requests/" + id + "/gag-lifting", body,
                (actor, at) -> new DisclosureRequest.LiftGag(body.reason(), actor, at), this::disclosureView);
    }

    @POST
    @Path("/disclosure-requests/{id}/disclosure")
    @Operation(summary = "Record the disclosure to the authority (processor)")
    public Uni<Response> disclose(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                                  @HeaderParam("X-Correlation-Id") String cid, DisclosedRequest body) {
        RequestSupport.requireBody(body);
        return act(disclosures, id, ifMatch, key, cid, "/disclosure-requests/" + id + "/disclosure", body,
                (actor, at) -> new DisclosureRequest.RecordDisclosure(body.disclosedAt(), body.disclosed(), actor, at), this::disclosureView);
    }

    // ------------------------------------------------------------------ data subject requests

    @GET
    @Path("/data-subject-requests")
    @Operation(summary = "Data subject requests; overdue = not forwarded within dpa.data-subject-requests.forward-within")
    public Uni<List<AssistanceReadModel.Item>> subjectList(@QueryParam("agreement") String agreement, @QueryParam("open") String open,
                                                           @QueryParam("overdue") String overdue) {
        return list("DATA_SUBJECT_REQUEST", agreement, open, overdue);
    }

    @GET
    @Path("/data-subject-requests/{id}")
    public Uni<Response> subject(@PathParam("id") String id) {
        return application.load(subjectRequests, callers.current(), id, subjectRequests::readableBy, "The data subject request")
                .map(l -> ok(subjectView(l), l.version()));
    }

    @POST
    @Path("/data-subject-requests/{id}/forwarding")
    @Operation(summary = "Forward the request to the controller (processor; without delay, art. 7.2)")
    public Uni<Response> forward(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                                 @HeaderParam("X-Correlation-Id") String cid) {
        return act(subjectRequests, id, ifMatch, key, cid, "/data-subject-requests/" + id + "/forwarding", Map.of(),
                (actor, at) -> new DataSubjectRequest.Forward(actor, at), this::subjectView);
    }

    @POST
    @Path("/data-subject-requests/{id}/decision")
    @Operation(summary = "Approve or reject, with written instructions (controller)")
    public Uni<Response> decide(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                                @HeaderParam("X-Correlation-Id") String cid, DecisionRequest body) {
        RequestSupport.requireBody(body);
        return act(subjectRequests, id, ifMatch, key, cid, "/data-subject-requests/" + id + "/decision", body,
                (actor, at) -> new DataSubjectRequest.Decide(body.approved(), body.instructions(), actor, at), this::subjectView);
    }

    @POST
    @Path("/data-subject-requests/{id}/deadline-extension")
    @Operation(summary = "Extend the controller's answer deadline by two months, with reasons (controller; GDPR 12(3), once)")
    public Uni<Response> extend(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                                @HeaderParam("X-Correlation-Id") String cid, ExtensionRequest body) {
        RequestSupport.requireBody(body);
        return act(subjectRequests, id, ifMatch, key, cid, "/data-subject-requests/" + id + "/deadline-extension", body,
                (actor, at) -> new DataSubjectRequest.ExtendDeadline(body.reasons(), actor, at), this::subjectView);
    }

    @POST
    @Path("/data-subject-requests/{id}/action")
    @Operation(summary = "Record the action taken (processor; only after the controller's approval)")
    public Uni<Response> actOn(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key,
                               @HeaderParam("X-Correlation-Id") String cid, ActionRequest body) {
        RequestSupport.requireBody(body);
        return act(subjectRequests, id, ifMatch, key, cid, "/data-subject-requests/" + id + "/action", body,
                (actor, at) -> new DataSubjectRequest.Act(body.description(), actor, at), this::subjectView);
    }

    // ------------------------------------------------------------------ shared

    private <S, C, E> Uni<Response> act(AggregateBinding<S, C, E> binding, String id, String ifMatch, String key, String cid, String path,
                                        Object body, BiFunction<eu.dpaledger.agreement.domain.Actor, Instant, C> command,
                                        java.util.function.Function<Loaded<S>, Object> view) {
        return application.act(binding, callers.current(), id, ifMatch, key, RequestSupport.correlationId(cid), path, body, command,
                        after -> new CommandRequest.Reply(200, view.apply(after), Map.of("ETag", ETags.of(after.version()))))
                .map(r -> r.toResponse());
    }

    private Uni<List<AssistanceReadModel.Item>> list(String kind, String agreement, String open, String overdue) {
        Caller caller = callers.current();
        return readModel.list(kind, caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR), agreement,
                RequestSupport.booleanParam(open, "open"), RequestSupport.booleanParam(overdue, "overdue"), application.now());
    }

    private Object instructionView(Loaded<Optional<Instruction.Record>> l) {
        Instruction.Record r = l.state().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.instructionId());
        out.put("agreementId", r.agreementId());
        out.put("version", l.version());
        out.put("status", r.status());
        out.put("text", r.text());
        out.put("effectiveFrom", r.effectiveFrom());
        out.put("flagReasoning", r.flagReasoning());
        out.put("controllerDecision", r.decision());
        out.put("lawfulBasis", r.lawfulBasis());
        out.put("issuedBy", r.issuedBy());
        out.put("issuedAt", r.issuedAt());
        return out;
    }

    private Object disclosureView(Loaded<Optional<DisclosureRequest.Record>> l) {
        DisclosureRequest.Record r = l.state().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.requestId());
        out.put("agreementId", r.agreementId());
        out.put("version", l.version());
        out.put("status", r.status());
        out.put("authority", r.authority());
        out.put("receivedAt", r.receivedAt());
        out.put("legalBasis", r.legalBasis());
        out.put("scope", r.scope());
        out.put("dueAt", r.dueAt());
        Duration left = Duration.between(application.now(), r.dueAt());
        out.put("timeLeftBeforeDisclosure", left.isNegative() ? "PT0S" : left.withNanos(0).toString());
        out.put("gagLegalBasis", r.gagLegalBasis());
        out.put("controllerInformedAt", r.controllerInformedAt());
        out.put("disclosedAt", r.disclosedAt());
        out.put("disclosed", r.disclosed());
        return out;
    }

    private Object subjectView(Loaded<Optional<DataSubjectRequest.Record>> l) {
        DataSubjectRequest.Record r = l.state().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.requestId());
        out.put("agreementId", r.agreementId());
        out.put("version", l.version());
        out.put("status", r.status());
        out.put("type", r.type());
        out.put("reference", r.reference());
        out.put("receivedAt", r.receivedAt());
        out.put("forwardDueAt", r.forwardDueAt());
        out.put("forwardedAt", r.forwardedAt());
        out.put("forwardingOverdue", r.forwardingOverdue(application.now()));
        out.put("controllerAnswerDueOn", r.answerDueOn());
        out.put("extensionReasons", r.extensionReasons());
        out.put("approved", r.approved());
        out.put("instructions", r.instructions());
        out.put("actionDescription", r.actionDescription());
        out.put("actedAt", r.actedAt());
        return out;
    }

    private static CommandRequest.Reply created(Object body, long version, String location) {
        return new CommandRequest.Reply(201, body, Map.of("ETag", ETags.of(version), "Location", location));
    }

    private static Response ok(Object body, long version) {
        return Response.ok(body).header("ETag", ETags.of(version)).build();
    }

    private static eu.dpaledger.agreement.domain.Actor actor(Caller caller) {
        return eu.dpaledger.agreement.infrastructure.AgreementBinding.actor(caller);
    }
}
